using Microsoft.Playwright;

namespace Hamgam.BrowserTests;

/// <summary>A browser tab on the dashboard: signs in through the form and waits for the Blazor circuit before acting.</summary>
public sealed class DashboardPage(IPage page, string baseUrl)
{
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

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Browser.ScreenshotFolder);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.EvaluateAsync("document.fonts.ready");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
