using Hamgam.Core.Data;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Push;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Sync.Push;

/// <summary>
/// A create reached Notion but the process died before saving the page id; then the record was deleted here. The page
/// it made must go to the trash too, not stay behind as an orphan (found by the kill test, issue #10 R2).
/// </summary>
public sealed class CrashThenDeleteTests
{
    [Theory, OnAllDatabases]
    public async Task PushAsync_CreateLostThenDeletedLocally_TrashesThePageItMade(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var task = await CreateCrashAndDeleteAsync(h);

        await h.PushAsync();

        await AssertGoneEverywhereAsync(h, task);
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_CreateLostThenDeletedLocally_PulledInBetween_TrashesThePageItMade(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var task = await CreateCrashAndDeleteAsync(h);

        await h.PullAsync();
        await h.PushAsync();
        await h.PullAsync(full: true);

        await AssertGoneEverywhereAsync(h, task);
    }

    private static async Task<SyncedEntity> CreateCrashAndDeleteAsync(NotionSyncHarness h)
    {
        var task = await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "ساخته و پاک شده" });
        var crashing = h.Pusher;
        crashing.OnStep = step => step == PushStep.AfterResponseBeforeSave ? throw new SimulatedCrashException(step) : Task.CompletedTask;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.PushAsync(new PushRequest(Trigger: "test")));
        Assert.Single(h.Notion.ListPages(h.Databases.Tasks.DataSourceId));
        h.Db.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await h.Changes.DeleteAsync(EntityKind.Task, task.Id));
        return task;
    }

    private static async Task AssertGoneEverywhereAsync(NotionSyncHarness h, SyncedEntity task)
    {
        Assert.Empty(h.Notion.ListPages(h.Databases.Tasks.DataSourceId));
        await using var db = h.Db.CreateContext();
        Assert.Empty(await db.Tasks.ToListAsync());
        Assert.True((await db.Tasks.IgnoreQueryFilters().SingleAsync(t => t.Id == task.Id)).IsDeleted);
        Assert.DoesNotContain(await db.Outbox.ToListAsync(), o => o.State != OutboxState.Done);
    }
}
