using System.Diagnostics;
using System.Text.RegularExpressions;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Hamgam.IntegrationTests.Faults;

/// <summary>Where one kill landed: the run it cut (push, pull, backup, or between two runs) and the request it followed.</summary>
internal sealed record Landing(int Number, FaultOperation Operation, string Phase, string Request, TimeSpan Delay);

/// <summary>
/// Edits on both sides, then a verb in a child process killed at a random request (seeded), over and over; then a clean
/// sync, full pull and backup, and the agreement check. Duplicates are checked after every run, so a failure names its kill.
/// </summary>
internal sealed partial class FaultCampaign(FaultRig rig, int seed, ITestOutputHelper output)
{
    private static readonly (FaultOperation Operation, int Weight)[] Mix =
        [(FaultOperation.Push, 25), (FaultOperation.Pull, 15), (FaultOperation.PullFull, 10), (FaultOperation.Sync, 30), (FaultOperation.Backup, 20)];

    private readonly Random _random = new(seed);

    // The most requests a finished run of each kind made so far: kills are drawn within it.
    private readonly Dictionary<FaultOperation, long> _longest = new()
    {
        [FaultOperation.Push] = 6, [FaultOperation.Pull] = 8, [FaultOperation.PullFull] = 10, [FaultOperation.Sync] = 14, [FaultOperation.Backup] = 2,
    };

    public List<Landing> Landings { get; } = [];

    public int Runs { get; private set; }

    public long NotionRequests { get; private set; }

    public long SheetsRequests { get; private set; }

    public async Task RunAsync(int kills)
    {
        var clock = Stopwatch.StartNew();
        var work = new FaultWorkload(rig, _random);
        await SeedAsync(work);
        var leftRunning = 0;
        while (Landings.Count < kills)
        {
            Assert.True(Runs < 10 * kills + 10, $"Only {Landings.Count} of {kills} kills landed in {Runs} runs.");
            await work.EditAsync();
            var operation = PickOperation();
            var plan = new KillPlan(_random.Next(1, (int)_longest[operation] + 1), _random.Next(2) == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(_random.Next(1, 40)));
            var lastRun = await LastRunIdAsync();
            var outcome = await RunOnceAsync(operation, plan);
            if (outcome.Killed)
            {
                var cut = (await rig.RunningAsync()).Where(r => r.Id > lastRun).ToList();
                leftRunning += cut.Count;
                Record(operation, plan, outcome, cut);
            }
            else
            {
                AssertDone(operation, outcome);
                _longest[operation] = Math.Max(_longest[operation], operation == FaultOperation.Backup ? outcome.SheetsRequests : outcome.NotionRequests);
            }

            await FaultAgreement.AssertNoDuplicatesAsync(rig, work, $"after run {Runs} ({operation})");
        }

        foreach (var operation in new[] { FaultOperation.Sync, FaultOperation.PullFull, FaultOperation.Backup })
        {
            AssertDone(operation, await RunOnceAsync(operation, null));
        }

        await AssertRunLogClosedAsync(leftRunning);
        await FaultAgreement.AssertAgreeAsync(rig, work);
        Summarize(work, clock.Elapsed);
    }

    private async Task SeedAsync(FaultWorkload work)
    {
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            for (var i = 0; i < 3; i++)
            {
                work.CreateInNotion(kind);
                await work.CreateLocalAsync(kind);
            }
        }

        AssertDone(FaultOperation.Sync, await RunOnceAsync(FaultOperation.Sync, null));
        AssertDone(FaultOperation.Backup, await RunOnceAsync(FaultOperation.Backup, null));
    }

    private async Task<RunOutcome> RunOnceAsync(FaultOperation operation, KillPlan? plan)
    {
        var outcome = await rig.RunAsync(operation, plan);
        Runs++;
        NotionRequests += outcome.NotionRequests;
        SheetsRequests += outcome.SheetsRequests;
        return outcome;
    }

    private void Record(FaultOperation operation, KillPlan plan, RunOutcome outcome, List<SyncRun> cut)
    {
        var phase = cut.LastOrDefault()?.Type switch
        {
            SyncRunType.DbToNotion => "push",
            SyncRunType.NotionToDb => "pull",
            SyncRunType.DbToSheet => "backup",
            { } other => other.ToString(),
            null => "between runs",
        };
        var request = outcome.KilledAfter is { } r ? $"{r.Method} {Ids().Replace(r.Path, "{id}")}" : "?";
        var landing = new Landing(Landings.Count + 1, operation, phase, request, plan.Delay);
        Landings.Add(landing);
        output.WriteLine($"kill {landing.Number,2}: {operation,-8} request {plan.Request,3} ({request}) +{plan.Delay.TotalMilliseconds:F0} ms → {phase}");
    }

    private static void AssertDone(FaultOperation operation, RunOutcome outcome) =>
        Assert.True(outcome.Exit == 0 && !outcome.Killed, $"{operation} exited {outcome.Exit}:\n{outcome.Output}");

    private async Task<long> LastRunIdAsync()
    {
        await using var db = rig.Db.CreateContext();
        return await db.SyncLog.MaxAsync(r => (long?)r.Id) ?? 0;
    }

    /// <summary>Every run a kill cut short was closed as abandoned by the next run of its type; nothing is left "running".</summary>
    private async Task AssertRunLogClosedAsync(int leftRunning)
    {
        await using var db = rig.Db.CreateContext();
        Assert.Equal(0, await db.SyncLog.CountAsync(r => r.Status == SyncRunStatus.Running));
        Assert.Equal(leftRunning, await db.SyncLog.CountAsync(r => r.ErrorMessage == RunLog.AbandonedMessage));
    }

    private FaultOperation PickOperation()
    {
        var draw = _random.Next(Mix.Sum(m => m.Weight));
        foreach (var (operation, weight) in Mix)
        {
            if ((draw -= weight) < 0)
            {
                return operation;
            }
        }

        return FaultOperation.Sync;
    }

    private void Summarize(FaultWorkload work, TimeSpan elapsed)
    {
        var byPhase = string.Join(", ", Landings.GroupBy(l => l.Phase).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var byRequest = string.Join(", ", Landings.GroupBy(l => l.Request).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}"));
        output.WriteLine($"seed {seed}: {Landings.Count} kills in {Runs} runs ({Runs - Landings.Count} finished), {elapsed.TotalSeconds:F1} s; " +
            $"{NotionRequests} Notion + {SheetsRequests} Sheets requests; {work.LocalEdits} local and {work.NotionEdits} Notion edits; " +
            $"{work.Rows.Count(r => !r.Deleted)} live rows, {work.Rows.Count(r => r.Deleted)} deleted.");
        output.WriteLine($"landed in: {byPhase}");
        output.WriteLine($"after: {byRequest}");
    }

    [GeneratedRegex("[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}|(?<=spreadsheets/)[^/:]+", RegexOptions.IgnoreCase)]
    private static partial Regex Ids();
}
