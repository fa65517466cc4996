using System.Text.Json.Nodes;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Sync.Push;
using Hamgam.Core.Time;
using Hamgam.Emulators.Notion;
using Hamgam.Notion;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Bench;

/// <summary>
/// A database and a Notion emulator with Hamgam's four databases, wired to the real Notion client as the app wires it
/// (the same lines as tests/Hamgam.Testing/NotionSyncHarness, with the product's rate limit instead of the tests' 1000/s).
/// Two clients: <see cref="Realistic"/> (the product defaults) for measuring, <see cref="Fast"/> (no client limit) for setup.
/// </summary>
internal sealed class NotionWorld : IAsyncDisposable
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);
    private readonly ServiceProvider _realistic;
    private readonly ServiceProvider _fast;
    private readonly NotionSyncOptions _options;

    private NotionWorld(BenchDatabase db, NotionEmulator emulator, ShiftingClock clock, HamgamNotionDatabases databases)
    {
        Db = db;
        Emulator = emulator;
        Clock = clock;
        Databases = databases;
        _options = new NotionSyncOptions
        {
            Token = emulator.Options.Token,
            BaseUrl = emulator.BaseUrl,
            Databases = new Core.Sync.NotionDatabaseIds
            {
                Tasks = databases.Tasks.DatabaseId,
                Projects = databases.Projects.DataSourceId,
                Habits = databases.Habits.DatabaseId,
                DailyLogs = databases.DailyLogs.DataSourceId,
            },
        };
        _realistic = Services(emulator, fast: false);
        _fast = Services(emulator, fast: true);
    }

    public BenchDatabase Db { get; }

    public NotionEmulator Emulator { get; }

    public ShiftingClock Clock { get; }

    public HamgamNotionDatabases Databases { get; }

    public static int DataSources => 4;

    public NotionRequestMeter Meter => _realistic.GetRequiredService<NotionRequestMeter>();

    public static async Task<NotionWorld> CreateAsync(BenchDatabase db, CancellationToken cancellationToken)
    {
        var clock = new ShiftingClock();
        // Notion's documented limit with the emulator's default burst; the latency is added to every API answer.
        var options = new NotionEmulatorOptions { Clock = clock, RateLimitEnabled = true, RequestsPerSecond = 3 };
        var emulator = await NotionEmulator.StartAsync(options, cancellationToken);
        emulator.Faults.Latency = Latency;
        var databases = HamgamSampleSchemas.CreateDatabases(emulator.Workspace);
        return new NotionWorld(db, emulator, clock, databases);
    }

    /// <summary>Turns the emulator's rate limit and latency on (realistic) or off (setup, or the ingest-only run).</summary>
    public void SetNetwork(bool realistic)
    {
        Emulator.Options.RateLimitEnabled = realistic;
        Emulator.Faults.Latency = realistic ? Latency : TimeSpan.Zero;
    }

    public NotionPuller Puller(bool fast)
    {
        var services = fast ? _fast : _realistic;
        var time = TimeProvider.System;
        var runs = new RunLog(Db, new SyncActivity(), time);
        return new NotionPuller(
            services.GetRequiredService<NotionClient>(), Db, Microsoft.Extensions.Options.Options.Create(_options), runs,
            services.GetRequiredService<NotionRequestMeter>(), new UserClock(time, UserClock.ResolveZone("Asia/Tehran")), time);
    }

    public NotionPusher Pusher(bool fast)
    {
        var services = fast ? _fast : _realistic;
        var time = TimeProvider.System;
        return new NotionPusher(
            services.GetRequiredService<NotionClient>(), Db, Microsoft.Extensions.Options.Options.Create(_options),
            new RunLog(Db, new SyncActivity(), time), services.GetRequiredService<NotionRequestMeter>(), time);
    }

    /// <summary>
    /// Creates <paramref name="count"/> open tasks directly in the workspace (no rate limit), 10 per minute of
    /// created_time (100,000 pages span about a week), the last one <paramref name="endAgo"/> before now.
    /// </summary>
    public void SeedTasks(int count, TimeSpan endAgo)
    {
        string[] statuses = ["Not started", "In progress"];
        string[] levels = ["High", "Medium", "Low"];
        for (var i = 0; i < count; i++)
        {
            Clock.Offset = -endAgo - TimeSpan.FromSeconds((count - 1 - i) * 6.0);
            Emulator.Workspace.CreatePage(Databases.Tasks.DataSourceId, new JsonObject
            {
                ["Name"] = Title($"کار شماره {i} — bench task {i}"),
                ["Status"] = new JsonObject { ["status"] = new JsonObject { ["name"] = statuses[i % 2] } },
                ["Importance"] = new JsonObject { ["select"] = new JsonObject { ["name"] = levels[i % 3] } },
                ["Urgency"] = new JsonObject { ["select"] = new JsonObject { ["name"] = levels[(i / 3) % 3] } },
                ["Quick Win"] = new JsonObject { ["checkbox"] = i % 5 == 0 },
                ["Tags"] = new JsonObject { ["multi_select"] = new JsonArray(new JsonObject { ["name"] = "tag" + (i % 7) }) },
                ["Due Date"] = new JsonObject { ["date"] = new JsonObject { ["start"] = $"2026-12-{(i % 28) + 1:00}" } },
                ["Notes"] = new JsonObject { ["rich_text"] = RichText("یادداشت کوتاه برای سنجش " + i) },
            });
        }

        Clock.Offset = TimeSpan.Zero;
    }

    public async ValueTask DisposeAsync()
    {
        await _realistic.DisposeAsync();
        await _fast.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private static ServiceProvider Services(NotionEmulator emulator, bool fast)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddNotionClient(o =>
        {
            o.BaseUrl = emulator.BaseUrl;
            o.Token = emulator.Options.Token;
            if (fast)
            {
                o.RequestsPerSecond = 1000;
                o.Burst = 1000;
            }
        });
        return services.BuildServiceProvider();
    }

    private static JsonObject Title(string text) => new() { ["title"] = RichText(text) };

    private static JsonArray RichText(string text) =>
        [new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = text } }];
}
