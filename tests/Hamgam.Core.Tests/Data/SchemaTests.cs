using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Data;

public sealed class SchemaTests
{
    [Theory, OnAllDatabases]
    public async Task Migrations_CoverTheWholeModel_NoPendingModelChanges(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes without a migration: run scripts/add-migration.sh <Name>.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory, OnAllDatabases]
    public async Task SaveChanges_StaleVersion_ThrowsConcurrencyException(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var task = new TaskItem { Name = "نسخهٔ اول" };
        await using (var db = test.CreateContext())
        {
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
        }

        await using var first = test.CreateContext();
        await using var second = test.CreateContext();
        var a = await first.Tasks.SingleAsync(t => t.Id == task.Id);
        var b = await second.Tasks.SingleAsync(t => t.Id == task.Id);
        a.Name = "ویرایش الف";
        await first.SaveChangesAsync();
        b.Name = "ویرایش ب";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = test.CreateContext();
        Assert.Equal("ویرایش الف", (await check.Tasks.SingleAsync(t => t.Id == task.Id)).Name);
    }

    [Theory, OnAllDatabases]
    public async Task NotionId_IsUnique(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.CreateContext();
        db.Tasks.Add(new TaskItem { Name = "a", NotionId = "same-page" });
        db.Tasks.Add(new TaskItem { Name = "b", NotionId = "same-page" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, OnAllDatabases]
    public async Task SyncLogAndOutbox_RoundTripAndOrderByTime(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var start = test.Time.GetUtcNow();
        await using (var db = test.CreateContext())
        {
            db.SyncLog.Add(new SyncRun
            {
                Type = SyncRunType.NotionToDb, Status = SyncRunStatus.Partial, RecordsSynced = 249, RequestsUsed = 3,
                StartedAt = start, CompletedAt = start.AddSeconds(2), DurationMs = 2000,
                Errors = [new SyncRunError { EntityKind = EntityKind.Task, NotionId = "bad-page", Message = "Status: expected select" }],
            });
            db.SyncLog.Add(new SyncRun { Type = SyncRunType.DbToSheet, Status = SyncRunStatus.Success, StartedAt = start.AddMinutes(-60) });
            db.Outbox.Add(new OutboxEntry { EntityKind = EntityKind.Task, EntityId = Guid.NewGuid(), Operation = OutboxOperation.Create, CreatedAt = start });
            db.Outbox.Add(new OutboxEntry { EntityKind = EntityKind.Habit, EntityId = Guid.NewGuid(), Operation = OutboxOperation.Update, Fields = """{"counter":"5"}""", CreatedAt = start });
            await db.SaveChangesAsync();
        }

        await using (var db = test.CreateContext())
        {
            var runs = await db.SyncLog.Include(r => r.Errors).Where(r => r.StartedAt > start.AddHours(-2)).OrderByDescending(r => r.StartedAt).ToListAsync();
            Assert.Equal([SyncRunType.NotionToDb, SyncRunType.DbToSheet], runs.Select(r => r.Type));
            Assert.Equal(SyncRunStatus.Partial, runs[0].Status);
            Assert.Equal("bad-page", Assert.Single(runs[0].Errors).NotionId);
            var pending = await db.Outbox.Where(o => o.State == OutboxState.Pending).OrderBy(o => o.Id).ToListAsync();
            Assert.Equal([OutboxOperation.Create, OutboxOperation.Update], pending.Select(o => o.Operation));
            Assert.True(pending[0].Id < pending[1].Id);
        }
    }
}
