using Hamgam.Core.Data;
using Hamgam.Core.Sync.Activity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.BrowserTests;

/// <summary>
/// The real Hamgam app on Kestrel at 127.0.0.1 (a free port), with its own data folder and API key, for a real
/// browser. Seed data goes in through <see cref="Db"/> and <see cref="Services"/>. By default manual runs are only
/// recorded (<see cref="Triggers"/>); with <c>realJobs</c> the app's own job engine runs them.
/// </summary>
public sealed class DashboardServer(IReadOnlyDictionary<string, string?>? settings = null, bool realJobs = false) : WebApplicationFactory<Program>
{
    public const string ApiKey = "hg_browser_test_key_long_enough_for_32";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("hamgam-browser-").FullName;

    public RecordingTriggers Triggers { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public static async Task<DashboardServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool realJobs = false)
    {
        var server = new DashboardServer(settings, realJobs);
        server.UseKestrel();
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.BaseUrl = addresses.First().TrimEnd('/');
        await using var db = await server.Db.CreateDbContextAsync();
        await db.Database.CanConnectAsync();
        return server;
    }

    public IDbContextFactory<HamgamDb> Db => Services.GetRequiredService<IDbContextFactory<HamgamDb>>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Auth:ApiKey", ApiKey);
        builder.UseSetting("Demo:Enabled", "false");
        // Live sync runs only in the tests about it (settings below turn it on): the others decide when a sync happens.
        builder.UseSetting("Live:PushOnSave", "false");
        builder.UseSetting("Live:ActivePollInterval", "00:00:00");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (!realJobs)
        {
            builder.ConfigureServices(services => services.AddSingleton<ISyncTriggers>(Triggers));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a test must not fail on cleanup.
        }
    }
}

/// <summary>Records the jobs the dashboard asked for (the job engine is the integrator's).</summary>
public sealed class RecordingTriggers : ISyncTriggers
{
    private readonly List<SyncJob> _jobs = [];

    public IReadOnlyList<SyncJob> Jobs
    {
        get
        {
            lock (_jobs)
            {
                return [.. _jobs];
            }
        }
    }

    public Task TriggerAsync(SyncJob job, CancellationToken cancellationToken = default)
    {
        lock (_jobs)
        {
            _jobs.Add(job);
        }

        return Task.CompletedTask;
    }
}
