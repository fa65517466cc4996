using Hamgam.Core.Data;
using Hamgam.Core.Projects;
using Hamgam.IntegrationTests.Cli;
using Hamgam.Testing;
using Hamgam.Web.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.IntegrationTests.Ship;

/// <summary><c>hamgam db backup</c> / <c>hamgam db restore</c> through the real verbs, on a real database of each kind.</summary>
[Collection(CliCollection.Name)]
public sealed class DbBackupVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hamgam-dbbackup-").FullName;

    [Theory, OnAllDatabases]
    public async Task Backup_ThenRestore_BringsBackExactlyTheBackedUpRows(DatabaseProvider provider)
    {
        await using var h = await CliHarness.CreateAsync(provider);
        await AddProjectAsync(h.Db, "بازسازی خانه");
        var file = Path.Combine(_folder, "hamgam.backup");

        var (backupExit, backupOutput) = await h.RunAsync("db", "backup", file);

        Assert.True(backupExit == HamgamCli.Ok, backupOutput);
        Assert.True(new FileInfo(file).Length > 0);
        await AddProjectAsync(h.Db, "پروژه‌ی بعد از پشتیبان");
        await using (var db = h.Db.CreateContext())
        {
            await db.Projects.Where(p => p.Name == "بازسازی خانه").ExecuteDeleteAsync();
        }

        var (restoreExit, restoreOutput) = await h.RunAsync("db", "restore", file);

        Assert.True(restoreExit == HamgamCli.Ok, restoreOutput);
        SqliteConnection.ClearAllPools();
        await using var check = h.Db.CreateContext();
        Assert.Equal(["بازسازی خانه"], await check.Projects.Select(p => p.Name).ToListAsync());
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
    }

    [Theory, OnAllDatabases]
    public async Task Restore_OfAFileThatIsNotAHamgamDatabase_IsRefused_AndChangesNothing(DatabaseProvider provider)
    {
        await using var h = await CliHarness.CreateAsync(provider);
        await AddProjectAsync(h.Db, "بازسازی خانه");
        var text = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(text, "این یک پایگاه داده نیست");
        var otherSqlite = Path.Combine(_folder, "other.db");
        await using (var other = new SqliteConnection($"Data Source={otherSqlite};Pooling=False"))
        {
            await other.OpenAsync();
            await using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)";
            await create.ExecuteNonQueryAsync();
        }

        foreach (var file in new[] { text, otherSqlite, Path.Combine(_folder, "missing.db") })
        {
            var (exit, output) = await h.RunAsync("db", "restore", file);

            Assert.True(exit == HamgamCli.Failed, output);
            Assert.Contains("not", output, StringComparison.Ordinal);
        }

        await using var check = h.Db.CreateContext();
        Assert.Equal(["بازسازی خانه"], await check.Projects.Select(p => p.Name).ToListAsync());
    }

    [Fact]
    public async Task Restore_OfABackupFromANewerHamgam_IsRefused()
    {
        await using var h = await CliHarness.CreateAsync();
        var file = Path.Combine(_folder, "newer.db");
        Assert.Equal(HamgamCli.Ok, (await h.RunAsync("db", "backup", file)).Exit);
        await using (var newer = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await newer.OpenAsync();
            await using var insert = newer.CreateCommand();
            insert.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await insert.ExecuteNonQueryAsync();
        }

        var (exit, output) = await h.RunAsync("db", "restore", file);

        Assert.True(exit == HamgamCli.Failed, output);
        Assert.Contains("newer version of Hamgam", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task AddProjectAsync(TestDatabase test, string name)
    {
        await using var db = test.CreateContext();
        db.Projects.Add(new Project { Name = name });
        await db.SaveChangesAsync();
    }
}
