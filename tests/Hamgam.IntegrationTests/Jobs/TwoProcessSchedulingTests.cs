using System.Diagnostics;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Hamgam.IntegrationTests.Jobs;

/// <summary>
/// Two real Hamgam processes on one PostgreSQL database, with the recurring-tasks schedule every 2 seconds: each tick
/// runs once (never twice) while both are up, and when one is killed the other carries on. At most 60 s: two starts of
/// 20 s, then 12 s and 8 s of runs.
/// </summary>
public sealed class TwoProcessSchedulingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task TwoProcesses_OnePostgres_RunEachTickOnce_AndTheSurvivorCarriesOn()
    {
        if (TestEnvironment.PostgresOptedOut)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__Hamgam"] = db.ConnectionString,
            ["Auth__ApiKey"] = "hg_two_process_test_key_of_32_chars_plus",
            ["Sync__RecurringCron"] = "*/2 * * * * *",
            ["Jobs__PollingInterval"] = "00:00:00.500",
            ["Jobs__LockTimeout"] = "00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        await using var first = await HamgamProcess.StartAsync(environment, TimeSpan.FromSeconds(90));
        await using var second = await HamgamProcess.StartAsync(environment, TimeSpan.FromSeconds(90));
        output.WriteLine($"both up after {clock.Elapsed.TotalSeconds:F1} s");

        var bothFrom = await NowAsync(db);
        var bothRuns = await WaitForRunsAsync(db, bothFrom, 4, TimeSpan.FromSeconds(40));
        var bothTo = await NowAsync(db);
        AssertOncePerTick(bothRuns, bothFrom, bothTo);
        var closest = bothRuns.Zip(bothRuns.Skip(1), (a, b) => b - a).Min();
        Assert.True(closest >= Tick / 2, $"Two runs {closest.TotalMilliseconds:F0} ms apart: a tick ran twice.");
        Assert.Equal(2, await ServerCountAsync(db));

        output.WriteLine($"jobs of the two-process phase were processed by {await ProcessingServerCountAsync(db)} distinct servers");

        first.Kill();
        var killedAt = await NowAsync(db);
        var afterRuns = await WaitForRunsAsync(db, killedAt, 3, TimeSpan.FromSeconds(40));
        var afterTo = await NowAsync(db);
        AssertOncePerTick(afterRuns, killedAt, afterTo);
        Assert.False(second.HasExited, second.Output);
        output.WriteLine($"{bothRuns.Count} runs with two processes; first run {(afterRuns[0] - killedAt).TotalSeconds:F1} s after the kill; "
            + $"{afterRuns.Count} runs by the survivor; {clock.Elapsed.TotalSeconds:F1} s in all");
    }

    /// <summary>Runs can only be as many as the ticks in the window (plus one from the tick just before it); doubled ticks break that.</summary>
    private static void AssertOncePerTick(List<DateTimeOffset> runs, DateTimeOffset from, DateTimeOffset to)
    {
        var ticks = (int)Math.Floor((to - from) / Tick) + 2;
        Assert.True(runs.Count <= ticks, $"{runs.Count} runs in {ticks} ticks: {string.Join(", ", runs.Select(r => r.ToString("HH:mm:ss.fff")))}");
    }

    private static async Task<List<DateTimeOffset>> WaitForRunsAsync(TestDatabase db, DateTimeOffset since, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        List<DateTimeOffset> runs = [];
        while (deadline.Elapsed < timeout)
        {
            await using var context = db.CreateContext();
            runs = await context.SyncLog.AsNoTracking()
                .Where(r => r.Type == SyncRunType.Recurring && r.StartedAt >= since)
                .OrderBy(r => r.StartedAt).Select(r => r.StartedAt).ToListAsync();
            if (runs.Count >= count)
            {
                return runs;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Only {runs.Count} of {count} recurring runs within {timeout}.");
    }

    private static async Task<DateTimeOffset> NowAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return await context.Database.SqlQueryRaw<DateTimeOffset>("SELECT now() AS \"Value\"").SingleAsync();
    }

    private static async Task<int> ProcessingServerCountAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return await context.Database.SqlQueryRaw<int>(
            "SELECT count(DISTINCT data::jsonb->>'ServerId')::int AS \"Value\" FROM hangfire.state WHERE name = 'Processing'").SingleAsync();
    }

    private static async Task<int> ServerCountAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return await context.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM hangfire.server").SingleAsync();
    }
}
