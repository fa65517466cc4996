using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Hamgam.BrowserTests;

/// <summary>The board and the matrix without a mouse: a "Move to…" menu on every card, and names that open the task.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardKeyboardTests(Browser browser) : IAsyncLifetime
{
    private DashboardServer _server = default!;

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync();
        await SeedData.SeedAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Board_MoveToMenuByKeyboardOnAPhone_ChangesTheStatus()
    {
        var tab = await OpenPhoneAsync();
        await tab.GoToAsync("/tasks/board");

        var card = tab.Page.Locator(".column[data-status='Inbox'] [data-testid=board-card]", new() { HasText = "تماس با حسابدار" });
        await card.Locator("[data-testid=board-move]").FocusAsync();
        await tab.Page.Keyboard.TypeAsync("Blocked");

        await Assertions.Expect(tab.Page.Locator(".column[data-status='Blocked']")).ToContainTextAsync("تماس با حسابدار");
        await using var db = await _server.Db.CreateDbContextAsync();
        Assert.Equal("Blocked", (await db.Tasks.SingleAsync(t => t.Name == "تماس با حسابدار")).Status);
    }

    [Fact]
    public async Task Board_EnterOnACardName_OpensTheTask()
    {
        var tab = await OpenPhoneAsync();
        await tab.GoToAsync("/tasks/board");

        await tab.Page.Locator("[data-testid=board-open]", new() { HasText = "خرید کتاب" }).FocusAsync();
        await tab.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(tab.Page.Locator("#task-name")).ToHaveValueAsync("خرید کتاب");
    }

    [Fact]
    public async Task Matrix_MoveToAnotherQuadrant_SetsImportanceAndUrgency()
    {
        var tab = await OpenPhoneAsync();
        await tab.GoToAsync("/tasks/matrix");

        var item = tab.Page.Locator(".quadrant.do [data-testid=matrix-task]", new() { HasText = "نوشتن گزارش هفتگی" });
        await item.Locator("[data-testid=matrix-move]").SelectOptionAsync("drop");

        await Assertions.Expect(tab.Page.Locator(".quadrant.drop")).ToContainTextAsync("نوشتن گزارش هفتگی");
        await using var db = await _server.Db.CreateDbContextAsync();
        var task = await db.Tasks.SingleAsync(t => t.Name == "نوشتن گزارش هفتگی");
        Assert.Equal(("Low", "Low"), (task.Importance, task.Urgency));

        await tab.Page.Locator(".quadrant.drop [data-testid=matrix-open]", new() { HasText = "نوشتن گزارش هفتگی" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#task-name")).ToHaveValueAsync("نوشتن گزارش هفتگی");
    }

    private async Task<DashboardPage> OpenPhoneAsync()
    {
        var context = await browser.Instance.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, HasTouch = true });
        var tab = new DashboardPage(await context.NewPageAsync(), _server.BaseUrl);
        await tab.SignInAsync();
        return tab;
    }
}
