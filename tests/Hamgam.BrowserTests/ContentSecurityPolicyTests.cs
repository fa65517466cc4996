using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hamgam.BrowserTests;

/// <summary>
/// Issue 17 row 5: every page still works under Hamgam's CSP (the circuit connects, AntDesign renders, a click goes
/// through), and Chromium reports no CSP violation: neither on the console nor through <c>securitypolicyviolation</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(Browser browser) : IAsyncLifetime
{
    private static readonly string[] Pages = ["/", "/tasks", "/tasks/board", "/tasks/matrix", "/projects", "/habits", "/daily-logs", "/settings", "/sync/log", "/sync/conflicts"];

    private DashboardServer _server = default!;

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync();
        await SeedData.SeedAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EveryPage_UnderTheCsp_WorksWithoutViolations()
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        var violations = new ConcurrentQueue<string>();
        tab.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue($"{tab.Page.Url}: {message.Text}");
            }
        };
        tab.Page.PageError += (_, error) => violations.Enqueue($"{tab.Page.Url}: script error {error}");
        await tab.Page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        var signIn = await tab.Page.GotoAsync(_server.BaseUrl + "/signin");
        Assert.Contains("script-src 'self'", await signIn!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await tab.SignInAsync();
        foreach (var path in Pages)
        {
            await tab.GoToAsync(path);
            await Assertions.Expect(tab.Page.Locator(".ant-layout-sider")).ToBeVisibleAsync();
        }

        // Interactivity through the circuit: the language switch is a Blazor event that navigates.
        await tab.Page.ClickAsync(".language-switch");
        await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await tab.WaitReadyAsync();
        var jobs = await tab.Page.GotoAsync(_server.BaseUrl + "/hangfire");
        Assert.Equal(200, jobs!.Status);
        await tab.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(violations.IsEmpty, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task OpenCircuit_AfterEverySessionIsEnded_RefusesTheNextEvent_AndTheReloadAsksToSignIn()
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        await tab.SignInAsync();
        await tab.GoToAsync("/tasks");

        await _server.Services.GetRequiredService<Hamgam.Web.Infrastructure.Auth.ApiKeyVault>().EndSessionsAsync(CancellationToken.None);
        var refused = tab.Page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("circuit", StringComparison.OrdinalIgnoreCase) });
        await tab.Page.ClickAsync(".language-switch");
        await refused;

        Assert.Equal("rtl", await tab.Page.GetAttributeAsync("html", "dir"));
        await tab.Page.ReloadAsync();
        Assert.Contains("/signin", tab.Page.Url, StringComparison.Ordinal);
    }
}
