using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Pull;
using Hamgam.Emulators.Notion;
using Hamgam.Web.Features.Sync;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Bench;

/// <summary>
/// The live-sync rig (issues 14 and 15): the whole app on Kestrel with its product defaults for live sync (push on
/// save, 30-second polling while in use), wired to a Notion emulator in this process at Notion's rate limit (3/s, burst
/// 10) with 150 ms latency per request. The schedules are pushed out of the way, so only live sync moves data. Edits
/// "in Notion" are the workspace owner's (no API budget spent); what Hamgam shows is read through its REST API.
/// </summary>
internal sealed class LiveWorld : IAsyncDisposable
{
    private const string Never = "0 0 1 1 *";

    private LiveWorld(NotionEmulator notion, BenchApp app, HttpClient api, Dictionary<string, Guid> tasks)
    {
        Notion = notion;
        App = app;
        Api = api;
        Tasks = tasks;
    }

    public NotionEmulator Notion { get; }

    public BenchApp App { get; }

    /// <summary>Hamgam's REST API, with the key (every call also marks Hamgam as in use).</summary>
    public HttpClient Api { get; }

    /// <summary>Local task id by Notion page id.</summary>
    public Dictionary<string, Guid> Tasks { get; }

    public string BaseUrl => App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public static async Task<LiveWorld> StartAsync(int pages, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        var notion = await NotionEmulator.StartAsync(new NotionEmulatorOptions { RateLimitEnabled = false }, cancellationToken);
        var databases = HamgamSampleSchemas.CreateDatabases(notion.Workspace);
        for (var i = 0; i < pages; i++)
        {
            notion.Workspace.CreatePage(databases.Tasks.DataSourceId, new JsonObject
            {
                ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = $"کار {i:00}" } }) },
                ["Status"] = new JsonObject { ["status"] = new JsonObject { ["name"] = "Not started" } },
            });
        }

        var configuration = new Dictionary<string, string?>
        {
            ["Notion:Token"] = notion.Options.Token,
            ["Notion:BaseUrl"] = notion.BaseUrl.ToString(),
            ["Notion:Databases:Tasks"] = databases.Tasks.DatabaseId,
            ["Notion:Databases:Projects"] = databases.Projects.DatabaseId,
            ["Notion:Databases:Habits"] = databases.Habits.DatabaseId,
            ["Notion:Databases:DailyLogs"] = databases.DailyLogs.DatabaseId,
            ["Sync:PullCron"] = Never,
            ["Sync:BackupCron"] = Never,
            ["Sync:RecurringCron"] = Never,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = new BenchApp(null, configuration);
        app.UseKestrel(0);
        app.StartServer();
        await app.Services.GetRequiredService<SyncRunner>().SyncAsync(new PullRequest(Full: true, Trigger: "bench-setup"), cancellationToken, wait: true);
        Dictionary<string, Guid> tasks;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<HamgamDb>>().CreateDbContextAsync(cancellationToken))
        {
            tasks = await db.Tasks.Where(t => t.NotionId != null).ToDictionaryAsync(t => t.NotionId!, t => t.Id, cancellationToken);
        }

        if (tasks.Count != pages)
        {
            throw new InvalidOperationException($"The setup pull brought {tasks.Count} of {pages} tasks.");
        }

        // From here on, Notion's real limits.
        notion.Options.RateLimitEnabled = true;
        notion.Faults.Latency = NotionWorld.Latency;
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchApp.ApiKey);
        return new LiveWorld(notion, app, api, tasks);
    }

    /// <summary>The page's title in Notion now.</summary>
    public string? TitleInNotion(string pageId) =>
        Notion.Workspace.GetPage(pageId)?["properties"]?["Name"]?["title"] is JsonArray title
            ? string.Concat(title.Select(t => t?["plain_text"]?.GetValue<string>()))
            : null;

    /// <summary>Renames a page as its owner would in Notion.</summary>
    public void RenameInNotion(string pageId, string name) => Notion.Workspace.UpdatePage(pageId, new JsonObject
    {
        ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = name } }) } },
    });

    /// <summary>The task's name as Hamgam's API shows it; null once it is gone (trashed).</summary>
    public async Task<string?> NameInHamgamAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await Api.GetAsync(new Uri($"/api/tasks/{id}", UriKind.Relative), cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("name").GetString();
    }

    public async Task RenameInHamgamAsync(Guid id, string name, CancellationToken cancellationToken)
    {
        using var response = await Api.PatchAsJsonAsync(new Uri($"/api/tasks/{id}", UriKind.Relative), new { name }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Notion requests spent by push runs started at or after <paramref name="since"/> (from the sync log).</summary>
    public async Task<(int Runs, int Requests)> PushRequestsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<HamgamDb>>().CreateDbContextAsync(cancellationToken);
        var runs = await db.SyncLog.AsNoTracking().Where(r => r.Type == SyncRunType.DbToNotion).ToListAsync(cancellationToken);
        var after = runs.Where(r => r.StartedAt >= since).ToList();
        return (after.Count, after.Sum(r => r.RequestsUsed));
    }

    /// <summary>Waits for <paramref name="done"/>, looking every 20 ms; the time it took, or null past the deadline.</summary>
    public static async Task<double?> SecondsUntilAsync(long startedAt, Func<Task<bool>> done, TimeSpan deadline, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetElapsedTime(startedAt) < deadline)
        {
            if (await done())
            {
                return Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
            }

            await Task.Delay(20, cancellationToken);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
        await Notion.DisposeAsync();
    }
}
