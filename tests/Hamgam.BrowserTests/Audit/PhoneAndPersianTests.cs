using System.Text.RegularExpressions;
using Hamgam.BrowserTests.FirstRun;
using Microsoft.Playwright;

namespace Hamgam.BrowserTests.Audit;

/// <summary>The demo on a phone in Persian: the menu button navigates, and Settings → Test connection answers in Persian.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PhoneAndPersianTests(Browser browser) : IAsyncLifetime
{
    private FirstRunServer _server = default!;

    public Task InitializeAsync()
    {
        _server = FirstRunServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Phone_MenuButton_OpensTheNavigation_AndClosesAfterNavigating()
    {
        var page = await OpenDemoOnAPhoneAsync();

        await page.ClickAsync("[data-testid=nav-toggle]");
        await page.Locator(".nav-menu a[href='/tasks']").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
        await Assertions.Expect(page.Locator(".nav-menu a[href='/tasks']")).Not.ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("[data-testid=nav-toggle]")).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task Settings_TestNotionInPersian_AnswersInPersianWithoutIds_AndCountsFourDatabases()
    {
        var page = await OpenDemoOnAPhoneAsync();
        await new DashboardPage(page, _server.BaseUrl).GoToAsync("/settings");

        var notion = page.Locator(".connection", new() { HasText = "Notion" }).First;
        await Assertions.Expect(notion).ToContainTextAsync("۴ از ۴");
        await notion.Locator("button", new() { HasText = "آزمون اتصال" }).ClickAsync();

        var result = notion.Locator("[data-testid=connection-result]");
        await Assertions.Expect(result).ToContainTextAsync("کارها");
        var text = await result.InnerTextAsync();
        Assert.DoesNotContain("OK", text, StringComparison.Ordinal);
        Assert.DoesNotContain("needs attention", text, StringComparison.Ordinal);
        Assert.False(Uuid().IsMatch(text), text);
        Assert.Equal(4, Regex.Count(text, "درست است"));
    }

    private async Task<IPage> OpenDemoOnAPhoneAsync()
    {
        var context = await browser.Instance.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_server.BaseUrl}/culture/fa-IR?redirect=%2Fsignin");
        await page.ClickAsync("[data-testid=signin-demo]");
        await new DashboardPage(page, _server.BaseUrl).WaitReadyAsync();
        return page;
    }

    [GeneratedRegex("[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}", RegexOptions.IgnoreCase)]
    private static partial Regex Uuid();
}
