using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Sync.Push;

public sealed class FaultRunTests
{
    [Theory, OnAllDatabases]
    public async Task SyncUnderFaults_NotionAndTheDatabaseEndUpEqual_WithNoDuplicates(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var random = new Random(20261124);
        var remote = Enumerable.Range(0, 20).Select(i => h.AddTaskPage($"کار {i}", p => p["Status"] = NotionSyncHarness.Status("Not started"))).ToList();
        await h.PullAsync();
        var local = await IdsAsync(h);

        h.Emulator.Faults.Seed = 42;
        h.Emulator.Faults.ErrorRate = 0.2;
        h.Emulator.Faults.InjectedRetryAfterSeconds = 0;
        h.Emulator.Faults.DropConnectionRate = 0.05;
        h.Emulator.Faults.LostResponseRate = 0.05;
        for (var i = 0; i < 15; i++)
        {
            await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = $"تازه {i} ✨", ["energyLevel"] = "High" });
        }

        for (var i = 0; i < 30; i++)
        {
            var id = local[random.Next(local.Count)];
            await h.Changes.UpdateAsync(EntityKind.Task, id, new Dictionary<string, string?> { ["status"] = i % 2 == 0 ? "In progress" : "Done" });
        }

        foreach (var id in local.Take(3))
        {
            await h.Changes.DeleteAsync(EntityKind.Task, id);
        }

        foreach (var page in remote.Skip(10))
        {
            h.Notion.UpdatePage(page, new JsonObject { ["properties"] = new JsonObject { ["Notes"] = NotionSyncHarness.Text("از نوشن") } });
        }

        for (var round = 0; round < 40 && await PendingAsync(h) > 0; round++)
        {
            await h.PushAsync();
            h.Db.Time.Advance(TimeSpan.FromHours(2));
            await h.PullAsync();
        }

        h.Emulator.Faults.Clear();
        await h.PullAsync(full: true, allowMassDelete: true);

        Assert.Equal(0, await PendingAsync(h));
        await using var db = h.Db.CreateContext();
        var rows = await db.Tasks.ToListAsync();
        var pages = h.Notion.ListPages(h.Databases.Tasks.DataSourceId);
        Assert.Equal(32, rows.Count);
        Assert.Equal(rows.Count, pages.Count);
        Assert.Equal(pages.Count, pages.Select(p => p["properties"]!["Name"]!["title"]![0]!["plain_text"]!.GetValue<string>()).Distinct().Count());
        foreach (var row in rows)
        {
            var page = pages.Single(p => p["id"]!.GetValue<string>() == row.NotionId);
            var props = page["properties"]!;
            Assert.Equal(row.Name, props["Name"]!["title"]![0]!["plain_text"]!.GetValue<string>());
            Assert.Equal(row.Status, props["Status"]!["status"]?["name"]?.GetValue<string>());
            Assert.Equal(row.EnergyLevel, props["Energy Level"]!["select"]?["name"]?.GetValue<string>());
            Assert.Equal(row.Notes, Canonical.Text(string.Concat(props["Notes"]!["rich_text"]!.AsArray().Select(t => t!["plain_text"]!.GetValue<string>()))));
        }
    }

    private static async Task<List<Guid>> IdsAsync(NotionSyncHarness h)
    {
        await using var db = h.Db.CreateContext();
        return await db.Tasks.OrderBy(t => t.Name).Select(t => t.Id).ToListAsync();
    }

    private static async Task<int> PendingAsync(NotionSyncHarness h)
    {
        await using var db = h.Db.CreateContext();
        return await db.Outbox.CountAsync(o => o.State == OutboxState.Pending);
    }
}
