using Hamgam.Core.Data;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Sync.Pull;

/// <summary>Notion's result cap: request_status.incomplete may come on any page of a query, and is sticky once seen.</summary>
public sealed class IncompleteQueryTests
{
    [Theory, OnAllDatabases]
    public async Task PullAsync_IncompleteFlaggedOnAnEarlierPageOnly_StillContinuesPastTheCap(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider, emulator: o =>
        {
            o.QueryResultCap = 150;
            o.IncompleteOnFirstPage = true;
        });
        for (var i = 0; i < 200; i++)
        {
            h.AddTaskPage($"کار {i}");
            h.Db.Time.Advance(TimeSpan.FromMinutes(1)); // created_time has minute precision: the restart point moves
        }

        await h.PullAsync(full: true);

        await using var db = h.Db.CreateContext();
        Assert.Equal(200, await db.Tasks.CountAsync());
    }
}
