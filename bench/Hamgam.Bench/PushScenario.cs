using System.Diagnostics;
using Hamgam.Core.Data;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Sync.Push;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Bench;

/// <summary>P3: 1,000 dashboard edits of which 300 repeat pages already edited, pushed at Notion's rate limit.</summary>
internal sealed class PushScenario(BenchOptions options)
{
    private const int Pages = 700;
    private const int Repeats = 300;

    public async Task<List<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await BenchDatabase.CreateAsync(options.Postgres, cancellationToken);
        await using var world = await NotionWorld.CreateAsync(db, cancellationToken);
        await world.SeedTasksAsync(Pages, TimeSpan.FromMinutes(10), cancellationToken);
        await world.SetNetworkAsync(realistic: false, cancellationToken);
        await world.Puller(fast: true).PullAsync(new PullRequest(Full: true, Trigger: "bench-setup"), cancellationToken);

        var changes = new LocalChanges(db, TimeProvider.System);
        List<Guid> ids;
        await using (var context = db.CreateDbContext())
        {
            ids = await context.Tasks.OrderBy(t => t.Name).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        var edits = ids.Concat(ids.Take(Repeats)).Select((id, i) => (id, i)).ToList();
        foreach (var (id, i) in edits)
        {
            await changes.UpdateAsync(EntityKind.Task, id, new Dictionary<string, string?> { ["notes"] = $"ویرایش {i}" }, cancellationToken: cancellationToken);
        }

        await world.SetNetworkAsync(realistic: true, cancellationToken);
        var floor = Pages / 3.0;
        Console.WriteLine($"P3: push of {edits.Count:N0} edits ({Repeats} repeat pages) at 3 req/s + 150 ms latency (floor {floor:0.0} s)…");
        var before = world.Meter.GetSnapshot().Total;
        var stopwatch = Stopwatch.StartNew();
        var report = await world.Pusher(fast: false).PushAsync(new PushRequest(Trigger: "bench"), cancellationToken);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var requests = world.Meter.GetSnapshot().Total - before;
        return
        [
            new("P3", $"push of {edits.Count:N0} edits ({Repeats} repeat pages): requests", requests, "requests", Pages, Judge.Exactly,
                Note: $"{report.Updated} pages updated, {report.Failed} failed"),
            new("P3", "push: wall time", wall, "s", floor, Judge.AtMost, 1.05),
        ];
    }
}
