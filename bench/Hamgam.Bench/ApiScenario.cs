using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hamgam.Core.Data;
using Hamgam.Core.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Bench;

/// <summary>
/// P6 (API half): the real app on Kestrel with 10,000 tasks, driven at a fixed arrival rate (open loop: a slow answer
/// does not slow the arrivals, and latency counts from the request's due time) with a mix of reads and writes.
/// </summary>
internal sealed class ApiScenario(BenchOptions options)
{
    private const int Tasks = 10_000;
    private const int Rate = 200;
    private const int LowRate = 50;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LowDuration = TimeSpan.FromSeconds(10);

    public async Task<List<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        string? database = null;
        BenchDatabase? pg = null;
        if (options.Postgres is not null)
        {
            pg = await BenchDatabase.CreateAsync(options.Postgres, cancellationToken);
            database = pg.ConnectionString;
        }

        try
        {
            await using var app = new BenchApp(database);
            app.UseKestrel(0);
            app.StartServer();
            var ids = await SeedAsync(app.Services, options.SqliteAnalyze && options.Postgres is null, cancellationToken);
            using var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchApp.ApiKey);
            client.Timeout = TimeSpan.FromSeconds(10);
            var page = await TasksPageScenario.RunAsync(client, app.Timings, Tasks, cancellationToken);
            var load = new LoadDriver(client, ids);
            Console.WriteLine($"P6: warming up, then {Rate} req/s of mixed reads and writes for {Duration.TotalSeconds:0} s…");
            await load.RunAsync(Rate / 4, Warmup, cancellationToken);
            var alone = await load.UnloadedAsync(25, cancellationToken);
            app.Timings.Take();
            var result = await load.RunAsync(Rate, Duration, cancellationToken);
            var server = app.Timings.Take();
            // For reference, the same mix at a quarter of the rate (what this machine sustains without queueing).
            Console.WriteLine($"P6: {LowRate} req/s for {LowDuration.TotalSeconds:0} s…");
            var low = await load.RunAsync(LowRate, LowDuration, cancellationToken);
            var lowServer = app.Timings.Take();
            return
            [
                .. page,
                .. result.Figures(Rate),
                ServerFigure(Rate, server),
                .. low.Figures(LowRate),
                ServerFigure(LowRate, lowServer),
                new("P6", "API p50 of each request alone (no load)", alone.Values.Max(), "ms",
                    Note: string.Join(", ", alone.Select(a => $"{a.Key} {a.Value:0.0} ms")) + "; the slowest kind is shown"),
            ];
        }
        finally
        {
            if (pg is not null)
            {
                await pg.DisposeAsync();
            }
        }
    }

    /// <summary>The app's own time per API request under load (from the first middleware): what is left is queueing.</summary>
    private static Figure ServerFigure(int rate, (string Path, double Milliseconds)[] samples)
    {
        var times = samples.Where(s => s.Path.StartsWith("/api/", StringComparison.Ordinal)).Select(s => s.Milliseconds).ToArray();
        return new("P6", $"API server time at {rate} req/s, p50", LoadResult.Percentile(times, 0.5), "ms",
            Note: $"p99 {LoadResult.Percentile(times, 0.99):0.0} ms over {times.Length:N0} requests, measured inside the app (first middleware to complete response); " +
                "the difference from the client's latency is time spent waiting for a connection, a thread or the CPU");
    }

    private static async Task<Guid[]> SeedAsync(IServiceProvider services, bool analyze, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IDbContextFactory<HamgamDb>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Spread over the past week, a task a minute: one SaveChanges would otherwise stamp all 10,000 with the same
        // created_at, and the list's ORDER BY created_at DESC, id would sort every row by id (unlike real data).
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < Tasks; i++)
        {
            db.Tasks.Add(new TaskItem
            {
                Name = $"کار شماره {i}", Status = i % 2 == 0 ? "Not started" : "In progress", Tags = ["tag" + (i % 7)], Importance = "High",
                CreatedAt = now.AddMinutes(i - Tasks),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (analyze)
        {
            // What-if: with statistics SQLite orders the list by the (created_at, id) index instead of sorting every row.
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }

        return await db.Tasks.AsNoTracking().Select(t => t.Id).ToArrayAsync(cancellationToken);
    }
}
