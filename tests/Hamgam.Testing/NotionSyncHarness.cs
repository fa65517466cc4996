using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Sync.Push;
using Hamgam.Core.Time;
using Hamgam.Emulators.Notion;
using Hamgam.Notion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hamgam.Testing;

/// <summary>
/// A fresh database (SQLite or PostgreSQL) and a fresh Notion emulator holding Hamgam's four databases, wired to
/// the real Notion client over loopback HTTP. The emulator and the sync engine share <see cref="TestDatabase.Time"/>,
/// so a test moves Notion's <c>last_edited_time</c> by moving the clock; the HTTP client keeps real time.
/// </summary>
public sealed class NotionSyncHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private NotionSyncHarness(
        TestDatabase db, NotionEmulator emulator, HamgamNotionDatabases databases, NotionSyncOptions options, Action<NotionClientOptions>? client)
    {
        Db = db;
        Emulator = emulator;
        Databases = databases;
        Options = options;
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddNotionClient(o =>
        {
            o.BaseUrl = emulator.BaseUrl;
            o.Token = emulator.Options.Token;
            o.RequestsPerSecond = 1000;
            o.Burst = 1000;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 8;
            client?.Invoke(o);
        });
        services.AddHttpClient<NotionClient>().AddHttpMessageHandler(Attempts.CreateHandler);
        _services = services.BuildServiceProvider();
        Clock = new UserClock(db.Time, UserClock.ResolveZone("Asia/Tehran"));
        Activity = new SyncActivity();
        Runs = new RunLog(db.Factory, Activity, db.Time);
        Changes = new LocalChanges(db.Factory, db.Time);
    }

    public TestDatabase Db { get; }

    /// <summary>Every HTTP attempt of the Notion client, and how many failed (injected faults, timeouts, dropped connections).</summary>
    public AttemptCounter Attempts { get; } = new();

    public NotionEmulator Emulator { get; }

    public NotionWorkspace Notion => Emulator.Workspace;

    public HamgamNotionDatabases Databases { get; }

    public NotionSyncOptions Options { get; }

    public UserClock Clock { get; }

    public SyncActivity Activity { get; }

    public RunLog Runs { get; }

    public LocalChanges Changes { get; }

    public NotionClient Client => _services.GetRequiredService<NotionClient>();

    public NotionRequestMeter Meter => _services.GetRequiredService<NotionRequestMeter>();

    /// <summary>When this process last searched for moves: one for the harness, as the app has one.</summary>
    public MoveCheckSchedule Moves { get; } = new();

    public NotionPuller Puller => new(Client, Db.Factory, Microsoft.Extensions.Options.Options.Create(Options), Runs, Meter, Clock, Db.Time, Moves);

    public static async Task<NotionSyncHarness> CreateAsync(
        DatabaseProvider provider,
        bool statusAsStatusType = true,
        Action<NotionEmulatorOptions>? emulator = null,
        Action<NotionClientOptions>? client = null,
        CancellationToken cancellationToken = default)
    {
        var db = await TestDatabase.CreateAsync(provider, cancellationToken: cancellationToken);
        var emulatorOptions = new NotionEmulatorOptions { Clock = db.Time, RateLimitEnabled = false };
        emulator?.Invoke(emulatorOptions);
        var notion = await NotionEmulator.StartAsync(emulatorOptions, cancellationToken);
        var databases = HamgamSampleSchemas.CreateDatabases(notion.Workspace, statusAsStatusType);
        var options = new NotionSyncOptions
        {
            Token = emulatorOptions.Token,
            BaseUrl = notion.BaseUrl,
            Databases = new Hamgam.Core.Sync.NotionDatabaseIds
            {
                Tasks = databases.Tasks.DatabaseId,
                Projects = databases.Projects.DataSourceId,
                Habits = databases.Habits.DatabaseId,
                DailyLogs = databases.DailyLogs.DataSourceId,
            },
        };
        return new NotionSyncHarness(db, notion, databases, options, client);
    }

    /// <summary>Creates a task page directly in the emulator (no rate limit), with request-shaped properties.</summary>
    public string AddTaskPage(string name, Action<JsonObject>? more = null) => AddPage(Databases.Tasks.DataSourceId, "Name", name, more);

    public string AddPage(string dataSourceId, string titleProperty, string title, Action<JsonObject>? more = null)
    {
        var properties = new JsonObject { [titleProperty] = Title(title) };
        more?.Invoke(properties);
        return Notion.CreatePage(dataSourceId, properties)["id"]!.GetValue<string>();
    }

    public NotionPusher Pusher => new(Client, Db.Factory, Microsoft.Extensions.Options.Options.Create(Options), Runs, Meter, Db.Time);

    public Task<PushReport> PushAsync(bool dryRun = false) => Pusher.PushAsync(new PushRequest(dryRun, "test"));

    public Task<PullReport> PullAsync(bool full = false, bool dryRun = false, bool allowMassDelete = false) =>
        Puller.PullAsync(new PullRequest(full, dryRun, allowMassDelete, "test"));

    public static JsonObject Title(string text) => new() { ["title"] = RichText(text) };

    public static JsonObject Text(string text) => new() { ["rich_text"] = RichText(text) };

    public static JsonObject Select(string name) => new() { ["select"] = new JsonObject { ["name"] = name } };

    public static JsonObject Status(string name) => new() { ["status"] = new JsonObject { ["name"] = name } };

    public static JsonObject Date(string start) => new() { ["date"] = new JsonObject { ["start"] = start } };

    public static JsonObject MultiSelect(params string[] names) =>
        new() { ["multi_select"] = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject { ["name"] = n })]) };

    public static JsonArray RichText(string text) =>
        [new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = text } }];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
        await Db.DisposeAsync();
    }
}
