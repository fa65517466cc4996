using Hamgam.Core.Data;
using Hamgam.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hamgam.IntegrationTests.Ship;

/// <summary>
/// A database made by the previous release (the oldest migration, with rows in it) is brought to this build's schema
/// and keeps every row; one from a newer release (a migration this build does not know) is refused untouched.
/// </summary>
public sealed class SchemaUpgradeTests
{
    private static readonly Guid ProjectId = Guid.Parse("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
    private static readonly Guid TaskId = Guid.Parse("1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9");

    [Theory, OnAllDatabases]
    public async Task PreviousReleaseDatabase_WithData_IsUpgraded_AndNothingIsLost(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, migrate: false);
        var oldest = await MakePreviousReleaseAsync(test);

        await using (var db = test.CreateContext())
        {
            var (before, copy) = await SchemaUpgrade.PrepareAsync(db, migratePostgres: true);

            Assert.Equal([oldest], before.Applied);
            Assert.Equal(db.Database.GetMigrations().Skip(1), before.Pending);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            if (provider == DatabaseProvider.Sqlite)
            {
                // The copy kept before the upgrade is the old database, as it was.
                Assert.NotNull(copy);
                Assert.Equal([oldest], await DatabaseBackup.ReadSqliteMigrationsAsync(copy));
            }
            else
            {
                Assert.Null(copy);
            }
        }

        await using var check = test.CreateContext();
        var project = await check.Projects.SingleAsync();
        var task = await check.Tasks.SingleAsync();
        Assert.Equal((ProjectId, "بازسازی خانه", "page-project-1"), (project.Id, project.Name, project.NotionId));
        Assert.Equal((TaskId, "خرید کاشی ۱۲ متری", ProjectId, true), (task.Id, task.Name, task.ProjectId, task.QuickWin));
    }

    [Fact]
    public async Task PreviousReleasePostgres_IsNotMigratedBehindTheUsersBack()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false);
        var oldest = await MakePreviousReleaseAsync(test);
        await using var db = test.CreateContext();

        var refused = await Assert.ThrowsAsync<MigrationsPendingException>(() => SchemaUpgrade.PrepareAsync(db, migratePostgres: false));

        Assert.Contains("hamgam migrate", refused.Message, StringComparison.Ordinal);
        Assert.Equal([oldest], await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory, OnAllDatabases]
    public async Task NewerReleaseDatabase_IsRefused_AndLeftAsItWas(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.CreateContext();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')");

        var refused = await Assert.ThrowsAsync<DatabaseTooNewException>(() => SchemaUpgrade.PrepareAsync(db, migratePostgres: true));

        Assert.Equal(["29991231000000_FromTheFuture"], refused.Unknown);
        Assert.Contains("newer version of Hamgam", refused.Message, StringComparison.Ordinal);
        Assert.Equal(db.Database.GetMigrations().Count() + 1, (await db.Database.GetAppliedMigrationsAsync()).Count());
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(test.ConnectionString).DataSource)!;
            Assert.False(Directory.Exists(Path.Combine(folder, SchemaUpgrade.BackupFolder)));
        }
    }

    /// <summary>The schema of the oldest migration, with a project and a task written by that schema's own SQL.</summary>
    internal static async Task<string> MakePreviousReleaseAsync(TestDatabase test)
    {
        await using var db = test.CreateContext();
        var oldest = db.Database.GetMigrations().First();
        // Up to the oldest migration only, from an empty database: what that release's own startup created.
        await db.GetService<IMigrator>().MigrateAsync(oldest);
        var sqlite = test.Provider == DatabaseProvider.Sqlite;
        object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
        object At(DateTimeOffset at) => sqlite ? at.UtcTicks : at;
        var at = new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO projects (id, name, notion_id, created_at, updated_at, version) VALUES ({0}, {1}, {2}, {3}, {3}, 1)",
            Id(ProjectId), "بازسازی خانه", "page-project-1", At(at));
        // An empty list is JSON text in SQLite and a text[] in PostgreSQL.
        await db.Database.ExecuteSqlRawAsync(
            sqlite
                ? "INSERT INTO tasks (id, name, context, quick_win, tags, is_recurring, related_project_notion_ids, project_id, created_at, updated_at, version) " +
                  "VALUES ({0}, {1}, '[]', {2}, '[]', {3}, '[]', {4}, {5}, {5}, 1)"
                : "INSERT INTO tasks (id, name, context, quick_win, tags, is_recurring, related_project_notion_ids, project_id, created_at, updated_at, version) " +
                  "VALUES ({0}, {1}, ARRAY[]::text[], {2}, ARRAY[]::text[], {3}, ARRAY[]::text[], {4}, {5}, {5}, 1)",
            Id(TaskId), "خرید کاشی ۱۲ متری", true, false, Id(ProjectId), At(at));
        return oldest;
    }
}
