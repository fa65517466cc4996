using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Activity;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Runs;

public sealed class RunLogTests
{
    [Theory, OnAllDatabases]
    public async Task StartAsync_RunOfTheSameTypeLeftRunningByADeadProcess_IsClosedAsAbandoned(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // A process killed mid-run: its handle is never completed.
        var dead = await new RunLog(db.Factory, new SyncActivity(), db.Time).StartAsync(SyncRunType.DbToNotion, "cli");
        var otherType = await new RunLog(db.Factory, new SyncActivity(), db.Time).StartAsync(SyncRunType.DbToSheet, "cli");
        db.Time.Advance(TimeSpan.FromMinutes(3));

        var next = await new RunLog(db.Factory, new SyncActivity(), db.Time).StartAsync(SyncRunType.DbToNotion, "cli");
        await next.CompleteAsync();

        await using var context = db.CreateContext();
        var runs = await context.SyncLog.AsNoTracking().ToDictionaryAsync(r => r.Id);
        Assert.Equal((SyncRunStatus.Failed, RunLog.AbandonedMessage), (runs[dead.RunId].Status, runs[dead.RunId].ErrorMessage));
        Assert.Equal(db.Time.GetUtcNow(), runs[dead.RunId].CompletedAt);
        Assert.Equal(SyncRunStatus.Running, runs[otherType.RunId].Status);
        Assert.Equal(SyncRunStatus.Success, runs[next.RunId].Status);
    }
}
