using System.Diagnostics;
using Hamgam.Core.Data;
using Hamgam.Testing;
using Xunit.Abstractions;

namespace Hamgam.Core.Tests.Faults;

/// <summary>
/// R1 (issue #10): a fifth of Notion and Sheets requests fail while 500 random edits are made on both sides, interleaved
/// with pushes, pulls and backups; afterwards Notion, the database and the backup agree exactly and every both-sides edit
/// is in the conflict inbox. The normal suite runs one seed with zero Retry-After and no added latency;
/// <c>HAMGAM_LONG_FAULTS=1</c> runs more seeds (<c>HAMGAM_FAULT_SEEDS=1,2,3</c> picks them) and more edits. A failure names its seed, which replays the same run.
/// </summary>
public sealed class BothSidesUnderFaultsTests(ITestOutputHelper output)
{
    [Theory, OnAllDatabases]
    public async Task FiveHundredEditsOnBothSidesUnderFaults_NotionTheDatabaseAndTheBackupAgree(DatabaseProvider provider)
    {
        await RunAsync(provider, seed: 20261124, edits: 500);
    }

    [LongFaultTheory, OnAllDatabases]
    public async Task LongFaultRuns_MoreSeedsAndEdits_AllAgree(DatabaseProvider provider)
    {
        var seeds = (Environment.GetEnvironmentVariable("HAMGAM_FAULT_SEEDS") ?? "1,2,3,4,5").Split(',').Select(int.Parse);
        var failures = new List<string>();
        foreach (var seed in seeds)
        {
            try
            {
                await RunAsync(provider, seed, edits: 1500);
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task RunAsync(DatabaseProvider provider, int seed, int edits)
    {
        var clock = Stopwatch.StartNew();
        await using var h = await FaultRunHarness.CreateAsync(provider);
        var scenario = new FaultScenario(h, seed);
        try
        {
            await scenario.SeedAsync(tasks: 20);
            await scenario.RunAsync(edits);
            var notionFailed = h.Notion.Attempts.Failed;
            var sheetsFailed = h.SheetsAttempts.Failed;
            await scenario.SettleAsync();
            var (conflicts, required) = await FaultRunAgreement.AssertAsync(h, scenario.Ledger);
            output.WriteLine(
                $"{provider} seed {seed}: {scenario.Ledger.LocalEdits} local + {scenario.Ledger.NotionEdits} Notion edits + {scenario.NotionCreates} Notion creates, {scenario.Syncs} syncs; " +
                $"conflicts {conflicts} in the inbox ({required} due by the ledger); failed attempts: Notion {notionFailed} of {h.Notion.Attempts.Attempts}, " +
                $"Sheets {sheetsFailed} of {h.SheetsAttempts.Attempts} ({scenario.FailedBackups} backups failed); {clock.Elapsed.TotalSeconds:F1} s");
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Fault run failed on {provider} with seed {seed} (replay with that seed): {ex.Message}", ex);
        }
    }
}
