using Microsoft.Playwright;

namespace Hamgam.BrowserTests.Audit;

/// <summary>Whether a person can reach the navigation: its links are on screen, or the menu button brings them on screen.</summary>
public static class Navigation
{
    public static async Task<bool> IsReachableAsync(IPage page)
    {
        var link = page.Locator(".nav-menu a[href='/tasks']").First;
        if (await OnScreenAsync(page, link))
        {
            return true;
        }

        var toggle = page.Locator("[data-testid=nav-toggle]");
        if (!await OnScreenAsync(page, toggle))
        {
            return false;
        }

        await toggle.ClickAsync();
        await link.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5_000 });
        var reachable = await OnScreenAsync(page, link);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(link).Not.ToBeInViewportAsync();
        return reachable;
    }

    private static async Task<bool> OnScreenAsync(IPage page, ILocator element)
    {
        if (await element.CountAsync() == 0 || !await element.IsVisibleAsync())
        {
            return false;
        }

        var box = await element.BoundingBoxAsync();
        var width = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        return box is not null && box.X >= 0 && box.X + box.Width <= width + 1;
    }
}
