using Hamgam.Core.Data;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Sync;

public sealed class ConcurrentEditsDuringSyncTests
{
    [Theory, OnAllDatabases]
    public async Task FiftyEditorsWhileSyncRuns_NoEditIsLost_NothingDeadlocks_AndNotionEndsWithTheLastValues(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var pages = Enumerable.Range(0, 10).Select(i => h.AddTaskPage($"کار {i}")).ToList();
        await h.PullAsync();
        List<Guid> ids;
        await using (var db = h.Db.CreateContext())
        {
            ids = await db.Tasks.OrderBy(t => t.Name).Select(t => t.Id).ToListAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var editors = Enumerable.Range(0, 50).Select(e => Task.Run(async () =>
        {
            for (var round = 0; round < 4; round++)
            {
                var id = ids[(e + round) % ids.Count];
                var result = await h.Changes.UpdateAsync(EntityKind.Task, id,
                    new Dictionary<string, string?> { [$"{(e % 2 == 0 ? "notes" : "category")}"] = $"e{e}-r{round}" }, cancellationToken: timeout.Token);
                Assert.NotEqual(LocalUpdateStatus.VersionConflict, result.Status);
            }
        }, timeout.Token)).ToList();
        var syncs = Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await h.PushAsync();
                await h.PullAsync();
            }
        }, timeout.Token);

        await Task.WhenAll([.. editors, syncs]);
        for (var i = 0; i < 5 && await PendingAsync(h) > 0; i++)
        {
            await h.PushAsync();
        }

        await using var check = h.Db.CreateContext();
        Assert.Equal(200, await check.Outbox.CountAsync(o => o.Operation == OutboxOperation.Update));
        Assert.Equal(0, await PendingAsync(h));
        foreach (var row in await check.Tasks.ToListAsync())
        {
            var props = h.Notion.GetPage(row.NotionId!)!["properties"]!;
            var notes = string.Concat(props["Notes"]!["rich_text"]!.AsArray().Select(t => t!["plain_text"]!.GetValue<string>()));
            Assert.Equal(row.Notes ?? "", notes);
            Assert.Equal(row.Category, props["Category"]!["select"]?["name"]?.GetValue<string>());
        }

        Assert.Equal(pages.Count, h.Notion.ListPages(h.Databases.Tasks.DataSourceId).Count);
    }

    private static async Task<int> PendingAsync(NotionSyncHarness h)
    {
        await using var db = h.Db.CreateContext();
        return await db.Outbox.CountAsync(o => o.State == OutboxState.Pending);
    }
}
