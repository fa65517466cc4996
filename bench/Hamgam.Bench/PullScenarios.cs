using System.Diagnostics;
using Hamgam.Core.Sync.Pull;

namespace Hamgam.Bench;

/// <summary>P1 (full pull), P2 (idle incremental pull) and P5 (peak memory of the large pull) on one seeded world.</summary>
internal sealed class PullScenarios(BenchOptions options)
{
    private int Pages => options.PullPages;

    public async Task<List<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        await using var db = await BenchDatabase.CreateAsync(options.Postgres, cancellationToken);
        await using var world = await NotionWorld.CreateAsync(db, cancellationToken);
        Console.WriteLine($"Seeding {Pages:N0} task pages in the emulator…");
        // The last edit is 10 minutes old, so the idle pull's overlap window (2 minutes) holds no page: a truly idle pull.
        await world.SeedTasksAsync(Pages, TimeSpan.FromMinutes(10), cancellationToken);

        if (options.Runs("P1") || options.Runs("P5"))
        {
            figures.AddRange(await FullPullAsync(world, cancellationToken));
        }
        else
        {
            await world.SetNetworkAsync(realistic: false, cancellationToken);
            await world.Puller(fast: true).PullAsync(new PullRequest(Full: true, Trigger: "bench-setup"), cancellationToken);
            await world.SetNetworkAsync(realistic: true, cancellationToken);
        }

        if (options.Runs("P2"))
        {
            figures.AddRange(await IdlePullAsync(world, cancellationToken));
        }

        if (options.Runs("P1"))
        {
            figures.AddRange(await RepeatFullPullAsync(world, cancellationToken));
        }

        if (options.Runs("P1"))
        {
            figures.AddRange(await IngestAsync(cancellationToken));
        }

        return figures;
    }

    private async Task<List<Figure>> FullPullAsync(NotionWorld world, CancellationToken cancellationToken)
    {
        var requestsFloor = Math.Ceiling(Pages / 100.0);
        var wallFloor = requestsFloor / 3;
        var throttled = !options.NoThrottle;
        Console.WriteLine(throttled
            ? $"P1: full pull of {Pages:N0} pages at 3 req/s + 150 ms latency (floor {wallFloor:0.0} s)…"
            : $"P5: full pull of {Pages:N0} pages with no rate limit, no latency (--no-throttle)…");
        if (!throttled)
        {
            await world.SetNetworkAsync(realistic: false, cancellationToken);
        }

        var sampler = options.Runs("P5") ? await MemorySampler.StartAsync() : null;
        var stopwatch = Stopwatch.StartNew();
        var report = await world.Puller(fast: !throttled).PullAsync(new PullRequest(Full: true, Trigger: "bench"), cancellationToken);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var memory = sampler is null ? null : await sampler.StopAsync();
        sampler?.Dispose();
        if (!throttled)
        {
            await world.SetNetworkAsync(realistic: true, cancellationToken);
        }

        var tasks = report.Entities.Single(e => e.Kind == Core.Data.EntityKind.Task);
        var snapshot = world.Meter.GetSnapshot();
        var figures = new List<Figure>
        {
            throttled
                ? new("P1", $"full pull of {Pages:N0} pages, wall time", wall, "s", wallFloor, Judge.AtMost, 1.10,
                    $"floor ⌈N/100⌉/3 s; status {report.Status}, created {tasks.Created:N0}")
                : new("P1", $"full pull of {Pages:N0} pages, wall time with no throttle (not a P1 figure)", wall, "s",
                    Note: $"--no-throttle; status {report.Status}, created {tasks.Created:N0}"),
            new("P1", "full pull, Notion requests", report.RequestsUsed, "req", requestsFloor, Judge.None,
                Note: $"floor ⌈N/100⌉; the rest: {NotionWorld.DataSources} data-source reads + 3 queries of the empty sources; 429s seen: {snapshot.RateLimited}"),
        };
        if (tasks.Created != Pages)
        {
            figures.Add(new("P1", "rows created", tasks.Created, "rows", Pages, Judge.Exactly, Note: string.Join("; ", report.Problems)));
        }

        if (options.Runs("P5"))
        {
            var mode = throttled ? "at 3 req/s + 150 ms latency" : "--no-throttle (rate limit, latency and client limiter off)";
            figures.AddRange(memory!.Figures(Pages, mode));
        }

        return figures;
    }

    /// <summary>The hourly re-list: data sources already resolved, every row unchanged.</summary>
    private async Task<List<Figure>> RepeatFullPullAsync(NotionWorld world, CancellationToken cancellationToken)
    {
        Console.WriteLine("P1: repeat full pull (the hourly re-list, nothing changed)…");
        var stopwatch = Stopwatch.StartNew();
        var report = await world.Puller(fast: false).PullAsync(new PullRequest(Full: true, Trigger: "bench"), cancellationToken);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var floor = Math.Ceiling(Pages / 100.0) / 3;
        return
        [
            new("P1", "repeat full pull (hourly re-list), wall time", wall, "s", floor, Judge.AtMost, 1.10,
                $"{report.RequestsUsed} requests; data sources already resolved; {report.Entities.Sum(e => e.Unchanged):N0} rows unchanged"),
        ];
    }

    private static async Task<List<Figure>> IdlePullAsync(NotionWorld world, CancellationToken cancellationToken)
    {
        Console.WriteLine("P2: idle incremental pull…");
        var writesBefore = world.Db.Writes.Snapshot();
        var stopwatch = Stopwatch.StartNew();
        var report = await world.Puller(fast: false).PullAsync(new PullRequest(Trigger: "bench"), cancellationToken);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var writes = WriteCounter.Difference(world.Db.Writes.Snapshot(), writesBefore);
        var runLog = writes.Where(w => w.Key.Contains("sync_log", StringComparison.OrdinalIgnoreCase)).Sum(w => w.Value);
        var data = writes.Where(w => !w.Key.Contains("sync_log", StringComparison.OrdinalIgnoreCase)).ToList();
        var full = report.Entities.Count(e => e.Full);
        return
        [
            new("P2", "idle incremental pull, requests per data source", report.RequestsUsed / (double)NotionWorld.DataSources, "req", 1, Judge.Exactly,
                Note: $"{report.RequestsUsed} requests for {NotionWorld.DataSources} data sources; {full} ran as full; wall {wall:0.00} s"),
            new("P2", "idle incremental pull, DB writes", data.Sum(w => w.Value), "writes", 0, Judge.Exactly,
                Note: (data.Count == 0 ? "none" : string.Join(", ", data.Select(w => $"{w.Key} ×{w.Value}"))) + $"; plus {runLog} to sync_log (the run's own record, not counted)"),
        ];
    }

    /// <summary>The same full pull with the network taken out: no rate limit, no latency, no client limiter.</summary>
    private async Task<List<Figure>> IngestAsync(CancellationToken cancellationToken)
    {
        await using var db = await BenchDatabase.CreateAsync(options.Postgres, cancellationToken);
        await using var world = await NotionWorld.CreateAsync(db, cancellationToken);
        await world.SeedTasksAsync(Pages, TimeSpan.FromMinutes(10), cancellationToken);
        await world.SetNetworkAsync(realistic: false, cancellationToken);
        Console.WriteLine($"P1: ingest of {Pages:N0} pages with the network taken out…");
        var dbBefore = db.Writes.CommandTime;
        var stopwatch = Stopwatch.StartNew();
        var report = await world.Puller(fast: true).PullAsync(new PullRequest(Full: true, Trigger: "bench"), cancellationToken);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var dbTime = (db.Writes.CommandTime - dbBefore).TotalSeconds;
        var created = report.Entities.Sum(e => e.Created);
        return
        [
            new("P1", "local ingest rate (no rate limit, no latency)", created / wall, "rows/s",
                Note: $"{created:N0} rows in {wall:0.00} s end to end, incl. the emulator (a child process) answering {report.RequestsUsed} queries; DB commands {dbTime:0.00} s"),
        ];
    }
}
