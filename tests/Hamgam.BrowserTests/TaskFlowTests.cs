using Hamgam.Core.Sync.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Hamgam.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TaskFlowTests(Browser browser) : IAsyncLifetime
{
    private DashboardServer _server = default!;

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync();
        await SeedData.SeedAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Board_DragCardToAnotherColumn_ChangesItsStatusThroughTheOutbox()
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        await tab.SignInAsync();
        await tab.GoToAsync("/tasks/board");

        var card = tab.Page.Locator(".column[data-status='Inbox'] [data-testid=board-card]").First;
        await card.DragToAsync(tab.Page.Locator(".column[data-status='Blocked']"));

        await Assertions.Expect(tab.Page.Locator(".column[data-status='Blocked']")).ToContainTextAsync("تماس با حسابدار");
        await using var db = await _server.Db.CreateDbContextAsync();
        var task = await db.Tasks.SingleAsync(t => t.Name == "تماس با حسابدار");
        Assert.Equal("Blocked", task.Status);
        Assert.True(await db.Outbox.AnyAsync(o => o.EntityId == task.Id && o.State == OutboxState.Pending && o.Fields.Contains("Blocked")));
    }

    [Fact]
    public async Task Tasks_CreateWithSolarHijriDate_ShowsTheRowAsPending()
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        await tab.SignInAsync();
        await tab.GoToAsync("/tasks");

        await tab.Page.ClickAsync("button.new-task");
        await tab.Page.FillAsync("#task-name", "کار آزمایشی");
        await tab.Page.FillAsync("#task-due", "۱۴۰۵/۰۹/۱۰");
        await tab.Page.ClickAsync(".task-editor .ant-btn-primary");

        var row = tab.Page.Locator(".tasks-table tr", new() { HasText = "کار آزمایشی" });
        await Assertions.Expect(row).ToContainTextAsync("۱۴۰۵/۰۹/۱۰");
        await Assertions.Expect(row.Locator(".sync-state")).ToHaveAttributeAsync("data-state", "pending");
        await using var db = await _server.Db.CreateDbContextAsync();
        Assert.Equal("2026-12-01", (await db.Tasks.SingleAsync(t => t.Name == "کار آزمایشی")).DueDate.ToString());
    }

    [Fact]
    public async Task Tasks_Search_FiltersTheTable()
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        await tab.SignInAsync();
        await tab.GoToAsync("/tasks");

        await tab.Page.FillAsync("[data-testid=task-search]", "کتاب");

        await Assertions.Expect(tab.Page.Locator(".tasks-table tbody tr.ant-table-row")).ToHaveCountAsync(1);
        await Assertions.Expect(tab.Page.Locator("[data-testid=task-total]")).ToContainTextAsync("۱");
    }
}
