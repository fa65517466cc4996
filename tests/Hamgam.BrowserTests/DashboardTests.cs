using System.Text.RegularExpressions;
using Hamgam.Core.Sync.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Hamgam.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class DashboardTests(Browser browser) : IAsyncLifetime
{
    private DashboardServer _server = default!;

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync();
        await SeedData.SeedAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Home_ByDefault_IsPersianRightToLeftWithSolarHijriDates()
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        await tab.SignInAsync();
        await tab.GoToAsync("/");

        Assert.Equal("rtl", await tab.Page.GetAttributeAsync("html", "dir"));
        Assert.Equal("fa", await tab.Page.GetAttributeAsync("html", "lang"));
        var card = tab.Page.Locator(".sync-status-card");
        await Assertions.Expect(card).ToContainTextAsync("🔄 وضعیت همگام‌سازی");
        await Assertions.Expect(card).ToContainTextAsync("Sync از Notion");
        await Assertions.Expect(card).ToContainTextAsync("Backup در Sheet");
        await Assertions.Expect(card).ToContainTextAsync("همگام‌سازی خودکار");
        Assert.Matches(SolarHijriDateTime(), await tab.Page.Locator("[data-testid=last-sync]").InnerTextAsync());
        Assert.Matches(SolarHijriDate(), await tab.Page.Locator("[data-testid=today]").InnerTextAsync());
        await Assertions.Expect(tab.Page.Locator(".today-tasks")).ToContainTextAsync("نوشتن گزارش هفتگی");
    }

    [Fact]
    public async Task Home_AFailedPush_ShowsNotionsMessage_AndRetryQueuesItAgain()
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        await tab.SignInAsync();
        await tab.GoToAsync("/");

        var failure = tab.Page.Locator("[data-testid=push-failures] li");
        await Assertions.Expect(failure).ToHaveCountAsync(1);
        await Assertions.Expect(failure).ToContainTextAsync("Importance is expected to be select.");
        await failure.Locator("button.retry").ClickAsync();

        await Assertions.Expect(tab.Page.Locator("[data-testid=push-failures]")).ToHaveCountAsync(0);
        await using var db = await _server.Db.CreateDbContextAsync();
        Assert.Equal(0, await db.Outbox.CountAsync(o => o.State == OutboxState.Failed));
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglish_IsRememberedOnOtherPagesAndNewTabs()
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        await tab.SignInAsync();
        await tab.GoToAsync("/tasks");

        await tab.Page.ClickAsync(".language-switch");
        await tab.WaitReadyAsync();
        await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        Assert.EndsWith("/tasks", tab.Page.Url, StringComparison.Ordinal);
        await tab.GoToAsync("/");
        Assert.Equal("en", await tab.Page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(tab.Page.Locator(".sync-status-card")).ToContainTextAsync("Sync from Notion");
        Assert.Matches(GregorianDate(), await tab.Page.Locator("[data-testid=today]").InnerTextAsync());

        var second = await tab.Page.Context.NewPageAsync();
        await second.GotoAsync(_server.BaseUrl + "/habits");
        await Assertions.Expect(second.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
    }

    [Fact]
    public async Task SignIn_WithAWrongKey_StaysOnTheFormWithAnError()
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        await tab.SignInAsync("not-the-key");

        await Assertions.Expect(tab.Page.Locator("[data-testid=signin-error]")).ToBeVisibleAsync();
        Assert.Contains("/signin", tab.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncNow_WithTriggersRegistered_QueuesTheSyncJob()
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        await tab.SignInAsync();
        await tab.GoToAsync("/");

        await tab.Page.ClickAsync(".sync-now");

        await Assertions.Expect(tab.Page.Locator(".sync-now")).ToHaveClassAsync(new Regex("ant-btn-loading"));
        Assert.Contains(Hamgam.Core.Sync.Activity.SyncJob.Sync, _server.Triggers.Jobs);
    }

    [GeneratedRegex(@"[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}")]
    private static partial Regex SolarHijriDateTime();

    [GeneratedRegex(@"۱۴[۰-۹]{2}/[۰-۹]{2}/[۰-۹]{2}")]
    private static partial Regex SolarHijriDate();

    [GeneratedRegex(@"20[0-9]{2}-[0-9]{2}-[0-9]{2}")]
    private static partial Regex GregorianDate();
}
