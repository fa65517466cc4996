using System.Text.Json.Nodes;
using Hamgam.Core.Sync.Pull;
using Hamgam.Emulators.Notion;
using Hamgam.Web.Features.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.BrowserTests;

/// <summary>
/// The real app wired to a Notion emulator holding Hamgam's four databases and a few Persian tasks, already pulled
/// once. Manual runs go through the app's own job engine; the schedules are pushed out of the way so only clicks sync.
/// Every pull is a full one, so a page trashed in Notion is noticed by the next click.
/// </summary>
public sealed class SyncedDashboard : IAsyncDisposable
{
    public static readonly string[] TaskNames = ["نوشتن گزارش هفتگی", "تماس با حسابدار", "مرتب کردن میز", "خرید کتاب"];

    private const string Never = "0 0 1 1 *";

    private SyncedDashboard(NotionEmulator notion, HamgamNotionDatabases databases, DashboardServer server, Dictionary<string, string> pages)
    {
        Notion = notion;
        Databases = databases;
        Server = server;
        Pages = pages;
    }

    public NotionEmulator Notion { get; }

    public HamgamNotionDatabases Databases { get; }

    public DashboardServer Server { get; }

    /// <summary>Notion page id by task name (as seeded).</summary>
    public IReadOnlyDictionary<string, string> Pages { get; }

    /// <param name="settings">Configuration over the defaults, e.g. <c>Live:PushOnSave</c>.</param>
    public static async Task<SyncedDashboard> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var notion = await NotionEmulator.StartAsync(new NotionEmulatorOptions { RateLimitEnabled = false });
        var databases = HamgamSampleSchemas.CreateDatabases(notion.Workspace);
        var pages = TaskNames.ToDictionary(name => name, name => notion.Workspace.CreatePage(databases.Tasks.DataSourceId, new JsonObject
        {
            ["Name"] = Title(name),
            ["Status"] = Status("Not started"),
        })["id"]!.GetValue<string>());
        var configuration = new Dictionary<string, string?>
        {
            ["Notion:Token"] = notion.Options.Token,
            ["Notion:BaseUrl"] = notion.BaseUrl.ToString(),
            ["Notion:RequestsPerSecond"] = "100",
            ["Notion:FullPullEvery"] = "00:00:00",
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

        var server = await DashboardServer.StartAsync(configuration, realJobs: true);
        await server.Services.GetRequiredService<SyncRunner>().SyncAsync(new PullRequest(Full: true, Trigger: "test"), CancellationToken.None);
        return new SyncedDashboard(notion, databases, server, pages);
    }

    /// <summary>Edits a task page the way a person in Notion would (as the workspace owner, not the integration).</summary>
    public void EditInNotion(string name, string? newName = null, string? status = null)
    {
        var properties = new JsonObject();
        if (newName is not null)
        {
            properties["Name"] = Title(newName);
        }

        if (status is not null)
        {
            properties["Status"] = Status(status);
        }

        Notion.Workspace.UpdatePage(Pages[name], new JsonObject { ["properties"] = properties });
    }

    public void TrashInNotion(string name) => Notion.Workspace.TrashPage(Pages[name]);

    /// <summary>The page's title as Notion holds it now.</summary>
    public string NotionTitle(string name) =>
        string.Concat(Notion.Workspace.GetPage(Pages[name])!["properties"]!["Name"]!["title"]!.AsArray().Select(t => t!["plain_text"]!.GetValue<string>()));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Notion.DisposeAsync();
    }

    private static JsonObject Title(string text) =>
        new() { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = text } }) };

    private static JsonObject Status(string name) => new() { ["status"] = new JsonObject { ["name"] = name } };
}
