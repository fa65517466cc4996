namespace Hamgam.BrowserTests;

/// <summary>Saves a full-page screenshot of every main page in Persian and in English (to the git-ignored screenshots folder).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(Browser browser) : IAsyncLifetime
{
    public static readonly (string Path, string Name)[] Pages =
    [
        ("/", "home"), ("/tasks", "tasks"), ("/tasks/board", "board"), ("/tasks/matrix", "matrix"), ("/projects", "projects"),
        ("/habits", "habits"), ("/daily-logs", "daily-logs"), ("/sync/log", "sync-log"), ("/sync/conflicts", "conflicts"), ("/settings", "settings"),
    ];

    private DashboardServer _server = default!;

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync();
        await SeedData.SeedAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("fa-IR")]
    [InlineData("en-US")]
    public async Task EveryMainPage_Renders_AndIsSaved(string culture)
    {
        var tab = await DashboardPage.OpenAsync(browser, _server);
        await tab.Page.GotoAsync($"{_server.BaseUrl}/culture/{culture}?redirect=%2Fsignin");
        await tab.ScreenshotAsync($"signin.{culture}");
        await tab.SignInAsync();
        foreach (var (path, name) in Pages)
        {
            await tab.GoToAsync(path);
            await tab.ScreenshotAsync($"{name}.{culture}");
            Assert.Equal(0, await tab.Page.Locator(".ant-result-error").CountAsync());
        }
    }
}
