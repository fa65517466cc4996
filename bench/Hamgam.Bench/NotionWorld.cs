using Hamgam.Core.Runs;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Sync.Push;
using Hamgam.Core.Time;
using Hamgam.Notion;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Bench;

/// <summary>
/// A database and a Notion emulator with Hamgam's four databases, wired to the real Notion client as the app wires it
/// (the same lines as tests/Hamgam.Testing/NotionSyncHarness, with the product's rate limit instead of the tests' 1000/s).
/// The emulator runs in a child process (<see cref="NotionChild"/>), so this process holds only what Hamgam holds.
/// Two clients: realistic (the product defaults) for measuring, fast (no client limit) for setup.
/// </summary>
internal sealed class NotionWorld : IAsyncDisposable
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);
    private readonly ServiceProvider _realistic;
    private readonly ServiceProvider _fast;
    private readonly NotionSyncOptions _options;

    private NotionWorld(BenchDatabase db, NotionChild child)
    {
        Db = db;
        Child = child;
        var ready = child.Ready;
        _options = new NotionSyncOptions
        {
            Token = ready.Token,
            BaseUrl = ready.BaseUrl,
            Databases = new Core.Sync.NotionDatabaseIds
            {
                Tasks = ready.Databases.Tasks.DatabaseId,
                Projects = ready.Databases.Projects.DataSourceId,
                Habits = ready.Databases.Habits.DatabaseId,
                DailyLogs = ready.Databases.DailyLogs.DataSourceId,
            },
        };
        _realistic = Services(ready, fast: false);
        _fast = Services(ready, fast: true);
    }

    public BenchDatabase Db { get; }

    public NotionChild Child { get; }

    public static int DataSources => 4;

    public NotionRequestMeter Meter => _realistic.GetRequiredService<NotionRequestMeter>();

    public static async Task<NotionWorld> CreateAsync(BenchDatabase db, CancellationToken cancellationToken) =>
        new(db, await NotionChild.StartAsync(cancellationToken));

    /// <summary>Turns the emulator's rate limit and latency on (realistic) or off (setup, or the ingest-only run).</summary>
    public Task SetNetworkAsync(bool realistic, CancellationToken cancellationToken) => Child.SetNetworkAsync(realistic, cancellationToken);

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

    /// <summary>Seeds open tasks in the child's workspace (see <see cref="NotionHost"/>: 10 per minute of created_time).</summary>
    public Task SeedTasksAsync(int count, TimeSpan endAgo, CancellationToken cancellationToken) =>
        Child.SeedTasksAsync(count, endAgo, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _realistic.DisposeAsync();
        await _fast.DisposeAsync();
        await Child.DisposeAsync();
    }

    private static ServiceProvider Services(NotionHostReady emulator, bool fast)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddNotionClient(o =>
        {
            o.BaseUrl = emulator.BaseUrl;
            o.Token = emulator.Token;
            if (fast)
            {
                o.RequestsPerSecond = 1000;
                o.Burst = 1000;
            }
        });
        return services.BuildServiceProvider();
    }
}
