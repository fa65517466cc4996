using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Hamgam.BrowserTests;

/// <summary>End to end: edits made in (emulated) Notion and in the browser, synced by clicking the dashboard's button.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SyncFlowTests(Browser browser) : IAsyncLifetime
{
    private SyncedDashboard _app = default!;

    public async Task InitializeAsync() => _app = await SyncedDashboard.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SyncFromNotion_AfterEditsAndATrashInNotion_TasksPageShowsThem()
    {
        var tab = await SignedInAsync();
        _app.EditInNotion("تماس با حسابدار", newName: "تماس تلفنی با حسابدار", status: "In progress");
        _app.TrashInNotion("مرتب کردن میز");

        await tab.SyncFromNotionAsync();

        await tab.GoToAsync("/tasks");
        var row = TaskRow(tab, "تماس تلفنی با حسابدار");
        await Assertions.Expect(row.Locator(".ant-tag").First).ToHaveTextAsync("In progress");
        await Assertions.Expect(row.Locator(".sync-state")).ToHaveAttributeAsync("data-state", "synced");
        await Assertions.Expect(TaskRow(tab, "مرتب کردن میز")).ToHaveCountAsync(0);
        await Assertions.Expect(TaskRow(tab, "خرید کتاب")).ToHaveCountAsync(1);
        await Assertions.Expect(tab.Page.Locator(".tasks-table tbody tr.ant-table-row")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task Conflict_SameNameEditedHereAndInNotion_InboxShowsBothAndKeepMineReachesNotion()
    {
        var tab = await SignedInAsync();
        _app.EditInNotion("خرید کتاب", newName: "خرید دو کتاب");
        await RenameInBrowserAsync(tab, "خرید کتاب", "خرید کتاب داستان");

        await tab.SyncFromNotionAsync();
        await tab.GoToAsync("/sync/conflicts");
        var conflict = tab.Page.Locator(".conflict");
        await Assertions.Expect(conflict).ToHaveCountAsync(1);
        await Assertions.Expect(conflict.Locator("[data-testid=notion-value] .value")).ToHaveTextAsync("خرید دو کتاب");
        await Assertions.Expect(conflict.Locator("[data-testid=my-value] .value")).ToHaveTextAsync("خرید کتاب داستان");
        await conflict.Locator("button.keep-mine").ClickAsync();

        await Assertions.Expect(conflict).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.Locator("[data-testid=no-conflicts]")).ToBeVisibleAsync();
        await tab.GoToAsync("/tasks");
        await Assertions.Expect(TaskRow(tab, "خرید کتاب داستان").Locator(".sync-state")).ToHaveAttributeAsync("data-state", "pending");
        await tab.SyncFromNotionAsync();
        Assert.Equal("خرید کتاب داستان", _app.NotionTitle("خرید کتاب"));
        await tab.GoToAsync("/tasks");
        await Assertions.Expect(TaskRow(tab, "خرید کتاب داستان").Locator(".sync-state")).ToHaveAttributeAsync("data-state", "synced");
    }

    [Fact]
    public async Task Conflict_InEnglish_KeepNotionsValueStaysEverywhere()
    {
        var tab = await SignedInAsync();
        await tab.GoToAsync("/tasks");
        await tab.Page.ClickAsync(".language-switch");
        await tab.WaitReadyAsync();
        await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        _app.EditInNotion("نوشتن گزارش هفتگی", newName: "گزارش ماهانه");
        await RenameInBrowserAsync(tab, "نوشتن گزارش هفتگی", "گزارش هفتگی کوتاه");

        await tab.SyncFromNotionAsync(english: true);
        await tab.GoToAsync("/sync/conflicts");
        var conflict = tab.Page.Locator(".conflict");
        await Assertions.Expect(conflict.Locator("[data-testid=notion-value]")).ToContainTextAsync("Notion's value");
        await Assertions.Expect(conflict.Locator("[data-testid=notion-value] .value")).ToHaveTextAsync("گزارش ماهانه");
        await Assertions.Expect(conflict.Locator("[data-testid=my-value] .value")).ToHaveTextAsync("گزارش هفتگی کوتاه");
        await conflict.Locator("button.keep-notion").ClickAsync();

        await Assertions.Expect(tab.Page.Locator("[data-testid=no-conflicts]")).ToContainTextAsync("No conflicts");
        await tab.GoToAsync("/tasks");
        await Assertions.Expect(TaskRow(tab, "گزارش ماهانه").Locator(".sync-state")).ToHaveAttributeAsync("data-state", "synced");
        await Assertions.Expect(TaskRow(tab, "گزارش هفتگی کوتاه")).ToHaveCountAsync(0);
        // Nothing is left to push ("synced" above), so Notion keeps its own value.
        Assert.Equal("گزارش ماهانه", _app.NotionTitle("نوشتن گزارش هفتگی"));
    }

    private async Task<DashboardPage> SignedInAsync()
    {
        var tab = await DashboardPage.OpenAsync(browser, _app.Server);
        await tab.SignInAsync();
        return tab;
    }

    private static async Task RenameInBrowserAsync(DashboardPage tab, string name, string newName)
    {
        await tab.GoToAsync("/tasks");
        await TaskRow(tab, name).Locator("a.task-name").ClickAsync();
        await tab.Page.FillAsync("#task-name", newName);
        await tab.Page.ClickAsync(".task-editor .ant-btn-primary");
        await Assertions.Expect(TaskRow(tab, newName).Locator(".sync-state")).ToHaveAttributeAsync("data-state", "pending");
    }

    private static ILocator TaskRow(DashboardPage tab, string name) =>
        tab.Page.Locator(".tasks-table tbody tr.ant-table-row", new() { Has = tab.Page.Locator("a.task-name", new() { HasTextRegex = new Regex(@"^\s*(⚡ )?" + Regex.Escape(name) + @"\s*$") }) });
}
