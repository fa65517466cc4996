using Hamgam.Core.Data;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Pull;
using Hamgam.Web.Features.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hamgam.BrowserTests;

/// <summary>Live sync in a real browser: open pages follow every change without a reload, and saves reach Notion by themselves.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveSyncFlowTests(Browser browser) : IAsyncLifetime
{
    private SyncedDashboard _app = default!;

    public async Task InitializeAsync() => _app = await SyncedDashboard.StartAsync(new Dictionary<string, string?> { ["Live:PushOnSave"] = "true" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TwoWindows_ATaskCreatedInOne_ShowsInTheOther_AndTurnsSyncedInBothWithoutAReload()
    {
        var first = await SignedInAsync("/tasks");
        var second = await SignedInAsync("/tasks");

        await first.Page.ClickAsync("button.new-task");
        await first.Page.FillAsync("#task-name", "کار زنده از پنجرهٔ اول");
        await first.Page.FillAsync("#task-status", "Not started");
        await first.Page.ClickAsync(".task-editor .ant-btn-primary");

        await using (var db = await _app.Server.Db.CreateDbContextAsync())
        {
            // The push's outcome, with Notion's message if it refused (before waiting on the tags that show it).
            var deadline = TimeProvider.System.GetUtcNow().AddMinutes(2);
            OutboxEntry? entry = null;
            while (TimeProvider.System.GetUtcNow() < deadline && (entry = db.Outbox.AsNoTracking().OrderBy(o => o.Id).LastOrDefault())?.State is null or OutboxState.Pending)
            {
                await Task.Delay(100);
            }

            Assert.True(entry?.State == OutboxState.Done, entry?.LastError);
        }

        foreach (var tab in new[] { first, second })
        {
            var row = TaskRow(tab, "کار زنده از پنجرهٔ اول");
            await Assertions.Expect(row).ToHaveCountAsync(1);
            // Push on save sends it to Notion, and the row's tag follows without a reload.
            await Assertions.Expect(row.Locator(".sync-state")).ToHaveAttributeAsync("data-state", "synced", new() { Timeout = DashboardPage.RunTimeout });
        }

        Assert.Contains(_app.Notion.Workspace.ListPages(_app.Databases.Tasks.DataSourceId),
            p => p["properties"]!["Name"]!["title"]![0]!["plain_text"]!.GetValue<string>() == "کار زنده از پنجرهٔ اول");
    }

    [Fact]
    public async Task OpenTasksPage_ATaskRenamedAndAnotherTrashedInNotion_FollowsAfterTheNextPull_WithoutAReload()
    {
        var tab = await SignedInAsync("/tasks");
        _app.EditInNotion("تماس با حسابدار", newName: "تماس تلفنی با حسابدار");
        _app.TrashInNotion("مرتب کردن میز");

        await _app.Server.Services.GetRequiredService<SyncRunner>().SyncAsync(new PullRequest(Full: true, Trigger: "test"), CancellationToken.None, wait: true);

        await Assertions.Expect(TaskRow(tab, "تماس تلفنی با حسابدار")).ToHaveCountAsync(1);
        await Assertions.Expect(TaskRow(tab, "مرتب کردن میز")).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.Locator(".tasks-table tbody tr.ant-table-row")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task Board_ADrop_MovesTheCardAtOnce_AndTheOtherWindowsBoardFollows()
    {
        var first = await SignedInAsync("/tasks/board");
        var second = await SignedInAsync("/tasks/board");

        var card = first.Page.Locator(".column[data-status='Not started'] [data-testid=board-card]", new() { HasText = "خرید کتاب" });
        await card.DragToAsync(first.Page.Locator(".column[data-status='In progress']"));

        await Assertions.Expect(first.Page.Locator(".column[data-status='In progress']")).ToContainTextAsync("خرید کتاب");
        await Assertions.Expect(second.Page.Locator(".column[data-status='In progress']")).ToContainTextAsync("خرید کتاب");
        await Assertions.Expect(second.Page.Locator(".column[data-status='Not started']")).Not.ToContainTextAsync("خرید کتاب");
        await using var db = await _app.Server.Db.CreateDbContextAsync();
        var task = db.Tasks.Single(t => t.Name == "خرید کتاب");
        Assert.Equal("In progress", task.Status);
        Assert.True(db.Outbox.Any(o => o.EntityKind == EntityKind.Task && o.EntityId == task.Id && o.Fields.Contains("In progress")));
        await Assertions.Expect(second.Page.Locator("[data-testid=board-card]", new() { HasText = "خرید کتاب" }).Locator(".sync-state"))
            .ToHaveAttributeAsync("data-state", "synced", new() { Timeout = DashboardPage.RunTimeout });
        Assert.DoesNotContain(db.Outbox.Where(o => o.EntityId == task.Id).Select(o => o.State), s => s == OutboxState.Pending);
    }

    private async Task<DashboardPage> SignedInAsync(string path)
    {
        var tab = await DashboardPage.OpenAsync(browser, _app.Server);
        await tab.SignInAsync();
        await tab.GoToAsync(path);
        return tab;
    }

    private static ILocator TaskRow(DashboardPage tab, string name) => tab.Page.Locator(".tasks-table tbody tr.ant-table-row", new() { HasText = name });
}
