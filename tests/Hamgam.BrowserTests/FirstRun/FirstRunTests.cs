using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hamgam.BrowserTests.FirstRun;

/// <summary>The "done when": a newcomer enters the demo, sees data, edits a task, syncs it to the emulated Notion, backs up to the emulated Sheet.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstRunTests(Browser browser) : IAsyncLifetime
{
    private const string Original = "پاسخ به ایمیل‌های مشتری";
    private const string Edited = "پاسخ به ایمیل‌های مشتری و تأمین‌کننده";

    private FirstRunServer _server = default!;

    public Task InitializeAsync()
    {
        _server = FirstRunServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Demo_FirstLoadEditSyncBackup_ReachesTheEmulatedNotionAndSheet()
    {
        var context = await browser.Instance.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var tab = new DashboardPage(page, _server.BaseUrl);

        await page.GotoAsync(_server.BaseUrl + "/");
        await page.ClickAsync("[data-testid=signin-demo]");
        await tab.WaitReadyAsync();
        await Assertions.Expect(page.Locator("[data-testid=demo-banner]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".app-content")).ToContainTextAsync(Original);
        await tab.ScreenshotAsync("first-run.home");

        await tab.GoToAsync("/tasks");
        await page.FillAsync("[data-testid=task-search]", Original);
        await Assertions.Expect(page.Locator(".tasks-table tbody tr.ant-table-row")).ToHaveCountAsync(1);
        await page.Locator(".tasks-table tbody tr.ant-table-row button").First.ClickAsync();
        await page.FillAsync("#task-name", Edited);
        await page.ClickAsync(".task-editor .ant-btn-primary");
        await Assertions.Expect(page.Locator(".tasks-table")).ToContainTextAsync(Edited);

        await tab.GoToAsync("/");
        await page.ClickAsync("button.sync-now");
        try
        {
            await WaitUntilAsync(() => NotionTitles().Contains(Edited));
        }
        catch (OperationCanceledException)
        {
            await using var db = await _server.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Hamgam.Core.Data.HamgamDb>>().CreateDbContextAsync();
            var runs = db.SyncLog.Select(r => r.Type + " " + r.Status + " " + r.ErrorMessage).ToList();
            var outbox = db.Outbox.Select(o => o.State + " " + o.Fields).ToList();
            Assert.Fail(string.Join(" | ", runs) + " || " + string.Join(" | ", outbox));
        }
        // Push on save may have brought the edit to Notion before the manual sync even started, and one spinner serves
        // both buttons: wait until the manual sync has finished (its runs are in the log) before asking for a backup.
        await WaitUntilAsync(() =>
        {
            using var db = _server.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Hamgam.Core.Data.HamgamDb>>().CreateDbContext();
            return db.SyncLog.Count(r => r.Trigger == "manual" && r.CompletedAt != null) >= 2;
        });
        await Assertions.Expect(page.Locator("button.backup-now")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-btn-loading"), new() { Timeout = 60_000 });
        await page.ClickAsync("button.backup-now");
        try
        {
            await WaitUntilAsync(() => _server.Demo.Sheets.Spreadsheets.FindTab(_server.Demo.SpreadsheetId, "Brain Dump Archive") is { } t
                && _server.Demo.Sheets.Spreadsheets.ReadCells(_server.Demo.SpreadsheetId, t.Title).Length > 1);
        }
        catch (OperationCanceledException)
        {
            await using var db = await _server.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Hamgam.Core.Data.HamgamDb>>().CreateDbContextAsync();
            var runs = db.SyncLog.Select(r => r.Type + " " + r.Trigger + " " + r.Status + " " + r.ErrorMessage).ToList();
            var jobs = _server.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
            var states = jobs.SucceededJobs(0, 20).Select(j => $"succeeded {j.Value.Job?.Method.Name} {j.Value.Result}")
                .Concat(jobs.FailedJobs(0, 20).Select(j => $"failed {j.Value.Job?.Method.Name} {j.Value.ExceptionMessage}"))
                .Concat(jobs.ProcessingJobs(0, 20).Select(j => $"processing {j.Value.Job?.Method.Name}"))
                .Concat(jobs.EnqueuedJobs("default", 0, 20).Select(j => $"enqueued {j.Value.Job?.Method.Name}"));
            Assert.Fail("No backup: " + string.Join(" | ", runs) + " || jobs: " + string.Join(" | ", states));
        }

        await tab.GoToAsync("/demo");
        await tab.ScreenshotAsync("first-run.demo");
        await Assertions.Expect(page.Locator("[data-testid=notion-table]", new() { HasText = Edited })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=sheet-table]").First).ToBeVisibleAsync();
        Assert.DoesNotContain(Original, NotionTitles());
    }

    private List<string> NotionTitles() =>
        [.. _server.Demo.Notion.Workspace.ListPages(_server.Demo.Databases.Tasks.DataSourceId)
            .Select(p => string.Concat((p["properties"]?["Name"]?["title"] as JsonArray ?? []).Select(t => (string?)t?["plain_text"])))];

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
