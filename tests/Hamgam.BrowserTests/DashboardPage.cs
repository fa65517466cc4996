using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Hamgam.BrowserTests;

/// <summary>A browser tab on the dashboard: signs in through the form and waits for the Blazor circuit before acting.</summary>
public sealed class DashboardPage(IPage page, string baseUrl)
{
    /// <summary>How long a real sync run may take on a loaded two-core machine.</summary>
    public const float RunTimeout = 120_000;

    public IPage Page { get; } = page;

    public static async Task<DashboardPage> OpenAsync(Browser browser, DashboardServer server)
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        return new DashboardPage(await context.NewPageAsync(), server.BaseUrl);
    }

    public async Task SignInAsync(string key = DashboardServer.ApiKey)
    {
        await Page.GotoAsync(baseUrl + "/signin");
        await Page.FillAsync("#apiKey", key);
        await Page.ClickAsync("[data-testid=signin-submit]");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Opens a page and waits until its circuit is live (the layout sets data-ready after the first interactive render).</summary>
    public async Task GoToAsync(string path)
    {
        await Page.GotoAsync(baseUrl + path);
        await WaitReadyAsync();
    }

    public Task WaitReadyAsync() => Page.Locator(".app-root[data-ready=true]").WaitForAsync();

    /// <summary>
    /// Clicks the SyncStatus card's "Sync from Notion" on the home page and waits until the card says the run it
    /// started has finished (its success message, and the button no longer spinning).
    /// </summary>
    public async Task SyncFromNotionAsync(bool english = false)
    {
        await GoToAsync("/");
        var button = Page.Locator(".sync-status-card .sync-now");
        await Assertions.Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
        var done = english ? "✅ Synced from Notion" : "✅ همگام‌سازی از Notion انجام شد";
        await Assertions.Expect(Page.Locator(".ant-message-notice", new() { HasText = done })).ToBeVisibleAsync(new() { Timeout = RunTimeout });
        await Assertions.Expect(button).Not.ToHaveClassAsync(new Regex("ant-btn-loading"), new() { Timeout = RunTimeout });
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Browser.ScreenshotFolder);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.EvaluateAsync("document.fonts.ready");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
