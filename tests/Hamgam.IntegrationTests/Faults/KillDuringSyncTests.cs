using Hamgam.Core.Data;
using Hamgam.Testing;
using Xunit.Abstractions;

namespace Hamgam.IntegrationTests.Faults;

/// <summary>The kill tests start many processes: they run alone, so timing-sensitive tests elsewhere are not starved.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}

/// <summary>
/// Issue #10 (R2): Hamgam killed with SIGKILL at random requests during pushes, pulls and backups, restarted each time;
/// afterwards Notion, the database and a fresh backup agree exactly, nothing is doubled and no edit is lost.
/// A bounded run here; <c>HAMGAM_LONG_FAULTS=1</c> runs the 50 kills; <c>HAMGAM_FAULT_SEED</c> replays a seed.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class KillDuringSyncTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20261124;

    [Theory, OnAllDatabases]
    public async Task KilledAtRandomRequests_NotionDatabaseAndBackupAgree_NothingDoubledOrLost(DatabaseProvider provider)
    {
        await RunAsync(provider, kills: 8);
    }

    [LongFaultTheory, OnAllDatabases]
    public async Task FiftyKills_NotionDatabaseAndBackupAgree_NothingDoubledOrLost(DatabaseProvider provider)
    {
        await RunAsync(provider, kills: 50);
    }

    private async Task RunAsync(DatabaseProvider provider, int kills)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HAMGAM_FAULT_SEED"), out var s) ? s : DefaultSeed + (int)provider;
        output.WriteLine($"{provider}, {kills} kills, seed {seed} (HAMGAM_FAULT_SEED={seed} replays it)");
        await using var rig = await FaultRig.CreateAsync(provider);
        await new FaultCampaign(rig, seed, output).RunAsync(kills);
    }
}
