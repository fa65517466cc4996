using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Pull;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Sync.Pull;

/// <summary>Pages trashed, restored or moved in Notion are seen by the next incremental poll, not the hourly full pull.</summary>
public sealed class RemovalCheckTests
{
    [Theory, OnAllDatabases]
    public async Task PullAsync_PageTrashedInNotion_IsATombstoneAfterOneIncrementalPoll(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var keep = h.AddTaskPage("بماند");
        var gone = h.AddTaskPage("برود 🗑️");
        await h.PullAsync();
        h.Db.Time.Advance(TimeSpan.FromMinutes(3));
        h.Notion.TrashPage(gone);
        h.Db.Time.Advance(TimeSpan.FromSeconds(30));

        var report = await h.PullAsync();

        var tasks = report.Entities.Single(e => e.Kind == EntityKind.Task);
        Assert.False(tasks.Full);
        Assert.Equal(1, tasks.Deleted);
        await using var db = h.Db.CreateContext();
        Assert.Equal([keep], await db.Tasks.Select(t => t.NotionId).ToListAsync());
        Assert.True((await db.Tasks.IgnoreQueryFilters().SingleAsync(t => t.NotionId == gone)).IsDeleted);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_PageRestoredInNotion_ComesBackAfterOneIncrementalPoll(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("برمی‌گردد");
        await h.PullAsync();
        h.Db.Time.Advance(TimeSpan.FromMinutes(1));
        h.Notion.TrashPage(id);
        await h.PullAsync();
        h.Db.Time.Advance(TimeSpan.FromMinutes(1));
        h.Notion.TrashPage(id, inTrash: false);

        var report = await h.PullAsync();

        Assert.False(report.Entities.Single(e => e.Kind == EntityKind.Task).Full);
        await using var db = h.Db.CreateContext();
        Assert.Equal("برمی‌گردد", (await db.Tasks.SingleAsync(t => t.NotionId == id)).Name);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_PageMovedOutOfTheDataSource_IsALocalTombstoneAndStaysInNotion(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var elsewhere = h.Notion.CreateDatabase("Someday", new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonObject() } }).DataSourceId;
        var moved = h.AddTaskPage("یک روزی");
        h.AddTaskPage("همین‌جا");
        await h.PullAsync();
        h.Db.Time.Advance(TimeSpan.FromMinutes(2));
        h.Notion.MovePage(moved, new JsonObject { ["parent"] = new JsonObject { ["data_source_id"] = elsewhere } });

        var report = await h.PullAsync();
        var push = await h.PushAsync();

        Assert.Equal(1, report.Entities.Single(e => e.Kind == EntityKind.Task).Deleted);
        await using var db = h.Db.CreateContext();
        Assert.True((await db.Tasks.IgnoreQueryFilters().SingleAsync(t => t.NotionId == moved)).IsDeleted);
        Assert.Equal(0, push.RequestsUsed);
        var page = h.Notion.GetPage(moved)!;
        Assert.False(page["in_trash"]!.GetValue<bool>());
        Assert.Equal(elsewhere, page["parent"]!["data_source_id"]!.GetValue<string>());
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_TaskMovedIntoProjects_LeavesATaskTombstoneAndAProject(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("پروژه شد", p => p["Status"] = NotionSyncHarness.Status("In progress"));
        await h.PullAsync();
        h.Db.Time.Advance(TimeSpan.FromMinutes(2));
        h.Notion.MovePage(id, new JsonObject { ["parent"] = new JsonObject { ["data_source_id"] = h.Databases.Projects.DataSourceId } });

        var report = await h.PullAsync();

        Assert.Equal(1, report.Entities.Single(e => e.Kind == EntityKind.Task).Deleted);
        Assert.Equal(1, report.Entities.Single(e => e.Kind == EntityKind.Project).Created);
        await using var db = h.Db.CreateContext();
        Assert.True((await db.Tasks.IgnoreQueryFilters().SingleAsync(t => t.NotionId == id)).IsDeleted);
        Assert.Equal("پروژه شد", (await db.Projects.SingleAsync(p => p.NotionId == id)).Name);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_DryRunAfterATrash_ReportsTheDeleteAndWritesNothing(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var gone = h.AddTaskPage("شاید برود");
        await h.PullAsync();
        h.Db.Time.Advance(TimeSpan.FromMinutes(1));
        h.Notion.TrashPage(gone);
        var before = await StateAsync(h);

        var report = await h.PullAsync(dryRun: true);

        var tasks = report.Entities.Single(e => e.Kind == EntityKind.Task);
        Assert.Equal(1, tasks.Deleted);
        Assert.Contains(tasks.Changes, c => c.NotionId == gone && c.Action == PlannedAction.Delete);
        Assert.Equal(before, await StateAsync(h));
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_TrashAndMoveHiddenBySearchLag_AreCaughtByTheFullPull(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider, emulator: o => o.SearchIndexingDelay = TimeSpan.FromMinutes(10));
        var trashed = h.AddTaskPage("در سطل");
        var moved = h.AddTaskPage("جابه‌جا");
        h.AddTaskPage("بماند");
        await h.PullAsync();
        h.Db.Time.Advance(TimeSpan.FromMinutes(1));
        h.Notion.TrashPage(trashed);
        h.Notion.MovePage(moved, new JsonObject { ["parent"] = new JsonObject { ["page_id"] = h.Notion.RootPageId } });

        var lagging = await h.PullAsync();
        h.Db.Time.Advance(h.Options.FullPullEvery);
        var full = await h.PullAsync();

        Assert.Equal(0, lagging.Entities.Single(e => e.Kind == EntityKind.Task).Deleted);
        var tasks = full.Entities.Single(e => e.Kind == EntityKind.Task);
        Assert.True(tasks.Full);
        Assert.Equal(2, tasks.Deleted);
        await using var db = h.Db.CreateContext();
        Assert.Equal(1, await db.Tasks.CountAsync());
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_IdlePollAfterATrash_CostsOneQueryPerDataSourcePlusTheTrashSearchAndWritesNothing(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var gone = h.AddTaskPage("رفته");
        h.AddTaskPage("مانده");
        await h.PullAsync();
        h.Db.Time.Advance(TimeSpan.FromMinutes(1));
        h.Notion.TrashPage(gone);
        await h.PullAsync();
        var before = await StateAsync(h);
        var requests = h.Meter.GetSnapshot().Total;
        h.Db.Time.Advance(TimeSpan.FromSeconds(30));

        // The trashed page is still within the search window: read again, and found already a tombstone. The move
        // search ran 30 seconds ago, so it waits for its five minutes.
        var report = await h.PullAsync();

        Assert.Equal(4 + 1, h.Meter.GetSnapshot().Total - requests);
        Assert.Equal(0, report.Entities.Sum(e => e.Deleted + e.Updated + e.Created));
        Assert.Equal(before, await StateAsync(h));
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_ChecksTurnedOff_CostOneSearchLessEach(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        h.AddTaskPage("کار");
        await h.PullAsync();

        h.Options.CheckMovesEvery = TimeSpan.FromMinutes(-1);
        var withoutMoves = await RequestsOfAnIdlePollAsync(h);
        h.Options.CheckTrashEveryPoll = false;
        var withoutEither = await RequestsOfAnIdlePollAsync(h);

        Assert.Equal((5, 4), (withoutMoves, withoutEither));
    }

    [Theory, OnAllDatabases]
    public async Task ActivePolling_SearchesForMovesOnceEveryFiveMinutes_AndStillSeesAMoveByThen(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var moved = h.AddTaskPage("جابه‌جا می‌شود");
        await h.PullAsync();
        var costs = new List<long>();
        costs.Add(await RequestsOfAnIdlePollAsync(h));
        h.Notion.MovePage(moved, new JsonObject { ["parent"] = new JsonObject { ["page_id"] = h.Notion.RootPageId } });
        for (var poll = 0; poll < 10; poll++)
        {
            costs.Add(await RequestsOfAnIdlePollAsync(h));
        }

        // The first poll searches (nothing remembered yet); then 30-second polls cost the four queries and the trash
        // search, and the tenth, five minutes on, searches for moves again and finds the page.
        Assert.Equal([6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6], costs);
        await using var db = h.Db.CreateContext();
        Assert.NotNull((await db.Tasks.IgnoreQueryFilters().SingleAsync()).DeletedAt);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_MostTasksTrashedAtOnce_HaltsUntilAllowed(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var ids = Enumerable.Range(0, 12).Select(i => h.AddTaskPage($"کار {i}")).ToList();
        await h.PullAsync();
        h.Db.Time.Advance(TimeSpan.FromMinutes(1));
        foreach (var id in ids.Take(8))
        {
            h.Notion.TrashPage(id);
        }

        var halted = await h.PullAsync();
        var allowed = await h.PullAsync(allowMassDelete: true);

        Assert.Equal(SyncRunStatus.Partial, halted.Status);
        Assert.Contains("8 of 12", halted.Entities.Single(e => e.Kind == EntityKind.Task).MassDeleteHalt, StringComparison.Ordinal);
        Assert.Equal(8, allowed.Entities.Single(e => e.Kind == EntityKind.Task).Deleted);
        await using var db = h.Db.CreateContext();
        Assert.Equal(4, await db.Tasks.CountAsync());
    }

    private static async Task<long> RequestsOfAnIdlePollAsync(NotionSyncHarness h)
    {
        h.Db.Time.Advance(TimeSpan.FromSeconds(30));
        var before = h.Meter.GetSnapshot().Total;
        await h.PullAsync();
        return h.Meter.GetSnapshot().Total - before;
    }

    private static async Task<string> StateAsync(NotionSyncHarness h)
    {
        await using var db = h.Db.CreateContext();
        var rows = await db.Tasks.IgnoreQueryFilters().OrderBy(t => t.Id).Select(t => new { t.Id, t.Version, t.DeletedAt, t.ContentHash }).ToListAsync();
        var cursors = await db.SyncCursors.OrderBy(c => c.EntityKind).Select(c => new { c.EntityKind, c.LastEditedTime, c.LastFullPullAt }).ToListAsync();
        var outbox = await db.Outbox.CountAsync();
        return string.Join('|', rows) + string.Join('|', cursors) + outbox;
    }
}
