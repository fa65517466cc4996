using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Sync.Webhooks;
using Hamgam.Emulators.Notion;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;
using static Hamgam.Testing.NotionSyncHarness;

namespace Hamgam.Core.Tests.Sync.Webhooks;

public sealed class PageRefresherTests
{
    private static PageRefresher Refresher(NotionSyncHarness h) =>
        new(h.Client, h.Db.Factory, Microsoft.Extensions.Options.Options.Create(h.Options), h.Clock, h.Db.Time);

    [Theory, OnAllDatabases]
    public async Task RefreshAsync_PageEditedInNotion_UpdatesTheRowWithoutAPull(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("پیش‌نویس");
        await h.PullAsync();
        h.Notion.UpdatePage(id, new JsonObject { ["properties"] = new JsonObject { ["Name"] = Title("نسخهٔ تازه ✅") } });

        var outcome = await Refresher(h).RefreshAsync(id);

        Assert.Equal(PageRefreshOutcome.Applied, outcome);
        await using var db = h.Db.CreateContext();
        Assert.Equal("نسخهٔ تازه ✅", (await db.Tasks.SingleAsync()).Name);
    }

    [Theory, OnAllDatabases]
    public async Task RefreshAsync_NewPageInScope_IsCreated(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        await h.PullAsync();
        var id = h.AddTaskPage("تازه از نوشن");

        Assert.Equal(PageRefreshOutcome.Applied, await Refresher(h).RefreshAsync(id));

        await using var db = h.Db.CreateContext();
        Assert.Equal(id, (await db.Tasks.SingleAsync()).NotionId);
    }

    [Theory, OnAllDatabases]
    public async Task RefreshAsync_PageTrashedThenRestored_TombstonesThenBringsBack(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("سطل زباله");
        await h.PullAsync();
        var refresher = Refresher(h);

        h.Notion.TrashPage(id);
        await refresher.RefreshAsync(id);
        await using (var db = h.Db.CreateContext())
        {
            Assert.Empty(await db.Tasks.ToListAsync());
            Assert.NotNull((await db.Tasks.IgnoreQueryFilters().SingleAsync()).DeletedAt);
        }

        h.Notion.TrashPage(id, inTrash: false);
        await refresher.RefreshAsync(id);
        await using (var db = h.Db.CreateContext())
        {
            Assert.Equal("سطل زباله", (await db.Tasks.SingleAsync()).Name);
        }
    }

    [Theory, OnAllDatabases]
    public async Task RefreshAsync_RefreshedInAnyOrder_EndsWithNotionsCurrentPage(DatabaseProvider provider)
    {
        // Events are signals only: whichever arrives last, the page read is the current one.
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("یک");
        await h.PullAsync();
        h.Notion.UpdatePage(id, new JsonObject { ["properties"] = new JsonObject { ["Name"] = Title("دو") } });
        h.Notion.UpdatePage(id, new JsonObject { ["properties"] = new JsonObject { ["Name"] = Title("سه") } });
        var refresher = Refresher(h);

        await refresher.RefreshAsync(id);
        await refresher.RefreshAsync(id);

        await using var db = h.Db.CreateContext();
        Assert.Equal("سه", (await db.Tasks.SingleAsync()).Name);
    }

    [Theory, OnAllDatabases]
    public async Task RefreshAsync_PageOutsideTheFourDataSources_ChangesNothing(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        await h.PullAsync();
        var elsewhere = HamgamSampleSchemas.CreateDatabases(h.Notion);
        var id = h.AddPage(elsewhere.Tasks.DataSourceId, "Name", "مال دیگری");

        var requests = h.Emulator.RequestCount;

        Assert.Equal(PageRefreshOutcome.NotOurs, await Refresher(h).RefreshAsync(id, elsewhere.Tasks.DataSourceId));
        Assert.Equal(requests, h.Emulator.RequestCount);
        Assert.Equal(PageRefreshOutcome.NotOurs, await Refresher(h).RefreshAsync(id));

        await using var db = h.Db.CreateContext();
        Assert.Empty(await db.Tasks.IgnoreQueryFilters().ToListAsync());
    }

    [Theory, OnAllDatabases]
    public async Task RefreshAsync_PageNowInAnotherDataSource_BecomesALocalTombstoneAndStaysInNotion(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var elsewhere = HamgamSampleSchemas.CreateDatabases(h.Notion);
        var id = h.AddTaskPage("جابه‌جا شده");
        await h.PullAsync();
        // Moved in Notion to a data source that is none of the four, and no pull has run since.
        h.Notion.MovePage(id, new JsonObject { ["parent"] = new JsonObject { ["data_source_id"] = elsewhere.Tasks.DataSourceId } });

        Assert.Equal(PageRefreshOutcome.Removed, await Refresher(h).RefreshAsync(id));

        await using var db = h.Db.CreateContext();
        Assert.NotNull((await db.Tasks.IgnoreQueryFilters().SingleAsync(t => t.NotionId == id)).DeletedAt);
        Assert.False(h.Notion.GetPage(id)!["in_trash"]!.GetValue<bool>());
        Assert.Empty(await db.Outbox.ToListAsync());
    }

    [Theory, OnAllDatabases]
    public async Task ForgetSchemaAsync_OneOfTheFour_MakesTheNextPullFull(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        await h.PullAsync();
        var refresher = Refresher(h);

        Assert.True(await refresher.ForgetSchemaAsync(h.Databases.Tasks.DataSourceId));
        Assert.False(await refresher.ForgetSchemaAsync(HamgamSampleSchemas.CreateDatabases(h.Notion).Tasks.DataSourceId));

        var report = await h.PullAsync();
        Assert.True(report.Entities.Single(e => e.Kind == EntityKind.Task).Full);
        Assert.False(report.Entities.Single(e => e.Kind == EntityKind.Project).Full);
    }
}
