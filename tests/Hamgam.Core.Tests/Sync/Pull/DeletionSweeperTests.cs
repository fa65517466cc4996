using Hamgam.Core.Data;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Sync.Pull;

public sealed class DeletionSweeperTests
{
    [Theory, OnAllDatabases]
    public async Task PullAsync_FullPullWithMoreTrashedPagesThanOneChunk_TombstonesEveryOne(DatabaseProvider provider)
    {
        // The sweep reads unlisted rows 500 at a time; 520 trashed pages span two chunks.
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var ids = Enumerable.Range(0, 600).Select(i => h.AddTaskPage($"کار {i}")).ToList();
        await h.PullAsync();
        foreach (var id in ids.Take(520))
        {
            h.Notion.TrashPage(id);
        }

        var report = await h.PullAsync(full: true, allowMassDelete: true);

        Assert.Equal(520, report.Entities.Single(e => e.Kind == EntityKind.Task).Deleted);
        await using var db = h.Db.CreateContext();
        Assert.Equal(ids.Skip(520).Order(StringComparer.Ordinal), (await db.Tasks.Select(t => t.NotionId!).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(520, await db.Tasks.IgnoreQueryFilters().CountAsync(t => t.DeletedAt != null));
    }
}
