using Hamgam.Core.Data;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Push;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Sync.Push;

/// <summary>Two pushers on one database never send the same outbox entries; a crashed pusher's claim lapses.</summary>
public sealed class OutboxClaimTests
{
    [Theory, OnAllDatabases]
    public async Task PushAsync_TwoPushersAtOnceOnTheSamePendingCreate_MakeExactlyOnePage(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        h.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(300);
        await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "یک بار فقط" });

        var reports = await Task.WhenAll(h.Pusher.PushAsync(new PushRequest(Trigger: "a")), h.Pusher.PushAsync(new PushRequest(Trigger: "b")));

        Assert.Equal(1, reports.Sum(r => r.Created));
        Assert.Single(h.Notion.ListPages(h.Databases.Tasks.DataSourceId), p => Title(p) == "یک بار فقط");
        await using var db = h.Db.CreateContext();
        Assert.All(await db.Outbox.ToListAsync(), o => Assert.Equal((OutboxState.Done, null), (o.State, o.ClaimedBy)));
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_RecordClaimedByAPusherThatDied_WaitsForTheLease_ThenGoesOutOnce(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var task = await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "گرفتار" });
        var claims = new OutboxClaims(h.Db.Factory, h.Db.Time);
        var ids = await EntryIdsAsync(h, task.Id);
        Assert.True(await claims.TryClaimAsync(EntityKind.Task, task.Id, ids, "dead-pusher", OutboxClaims.DefaultLease));

        var whileHeld = await h.PushAsync();
        h.Db.Time.Advance(OutboxClaims.DefaultLease + TimeSpan.FromSeconds(1));
        var afterLease = await h.PushAsync();

        Assert.Equal((0, 1, 0), (whileHeld.Created, whileHeld.Contended, whileHeld.RequestsUsed));
        Assert.Equal((1, 0), (afterLease.Created, afterLease.Contended));
        Assert.Single(h.Notion.ListPages(h.Databases.Tasks.DataSourceId), p => Title(p) == "گرفتار");
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_RecordClaimedByAProcessOfThisMachineThatIsGone_GoesOutAtOnce(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var task = await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "بی‌صاحب" });
        var claims = new OutboxClaims(h.Db.Factory, h.Db.Time);
        // This machine's name and a process id no process has (a killed CLI leaves such a claim behind).
        var parts = OutboxClaims.NewOwner().Split(':');
        var gone = $"{parts[0]}:2147483646:{parts[2]}:{parts[3]}";
        Assert.True(await claims.TryClaimAsync(EntityKind.Task, task.Id, await EntryIdsAsync(h, task.Id), gone, OutboxClaims.DefaultLease));

        var report = await h.PushAsync();

        Assert.Equal((1, 0), (report.Created, report.Contended));
        Assert.Single(h.Notion.ListPages(h.Databases.Tasks.DataSourceId), p => Title(p) == "بی‌صاحب");
    }

    [Fact]
    public void IsGoneFromThisMachine_ThisProcessIsNot_AReusedIdOrAnotherMachineCannotBeTold()
    {
        var mine = OutboxClaims.NewOwner();
        var parts = mine.Split(':');

        Assert.False(OutboxClaims.IsGoneFromThisMachine(mine));
        // The same process id started at another time is another process: the claimer is gone.
        Assert.True(OutboxClaims.IsGoneFromThisMachine($"{parts[0]}:{parts[1]}:1:{parts[3]}"));
        // Another machine's process, or a name not of this form: only its lease can end its claim.
        Assert.False(OutboxClaims.IsGoneFromThisMachine($"elsewhere-host:2147483646:{parts[2]}:{parts[3]}"));
        Assert.False(OutboxClaims.IsGoneFromThisMachine("dead-pusher"));
    }

    [Theory, OnAllDatabases]
    public async Task TryClaimAsync_PartOfTheRecordHeldByAnother_ClaimsNothing(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var task = await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "دو نفر" });
        var claims = new OutboxClaims(h.Db.Factory, h.Db.Time);
        Assert.True(await claims.TryClaimAsync(EntityKind.Task, task.Id, await EntryIdsAsync(h, task.Id), "first", OutboxClaims.DefaultLease));
        await h.Changes.UpdateAsync(EntityKind.Task, task.Id, new Dictionary<string, string?> { ["notes"] = "یک ویرایش تازه" });

        var second = await claims.TryClaimAsync(EntityKind.Task, task.Id, await EntryIdsAsync(h, task.Id), "second", OutboxClaims.DefaultLease);

        Assert.False(second);
        await using var db = h.Db.CreateContext();
        Assert.DoesNotContain(await db.Outbox.Select(o => o.ClaimedBy).ToListAsync(), c => c == "second");
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_FreshEditsToAPageNotionKeepsFailing_RetryAtMostOncePerFloor(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider, client: o => o.MaxRetries = 0);
        var id = h.AddTaskPage("در حال خرابی");
        await h.PullAsync();
        await using var db = h.Db.CreateContext();
        var local = await db.Tasks.Where(t => t.NotionId == id).Select(t => t.Id).SingleAsync();
        h.Emulator.Faults.ErrorRate = 1;
        h.Emulator.Faults.ErrorStatuses.Clear();
        h.Emulator.Faults.ErrorStatuses.Add(503);

        await h.Changes.UpdateAsync(EntityKind.Task, local, new Dictionary<string, string?> { ["notes"] = "۱" });
        await h.PushAsync();
        var afterFailure = h.Attempts.Attempts;
        foreach (var note in new[] { "۲", "۳", "۴" })
        {
            await h.Changes.UpdateAsync(EntityKind.Task, local, new Dictionary<string, string?> { ["notes"] = note });
            await h.PushAsync();
        }

        var whileFloored = h.Attempts.Attempts - afterFailure;
        h.Db.Time.Advance(PushPlan.FreshRetryFloor);
        h.Emulator.Faults.ErrorRate = 0;
        await h.Changes.UpdateAsync(EntityKind.Task, local, new Dictionary<string, string?> { ["notes"] = "۵" });
        var retried = await h.PushAsync();

        Assert.Equal(0, whileFloored);
        Assert.Equal(1, retried.Updated);
        Assert.Equal("۵", string.Concat(h.Notion.GetPage(id)!["properties"]!["Notes"]!["rich_text"]!.AsArray().Select(t => t!["plain_text"]!.GetValue<string>())));
    }

    private static async Task<List<long>> EntryIdsAsync(NotionSyncHarness h, Guid entityId)
    {
        await using var db = h.Db.CreateContext();
        return await db.Outbox.Where(o => o.EntityId == entityId && o.State == OutboxState.Pending).Select(o => o.Id).ToListAsync();
    }

    private static string Title(System.Text.Json.Nodes.JsonObject page) =>
        string.Concat(page["properties"]!["Name"]!["title"]!.AsArray().Select(t => t!["plain_text"]!.GetValue<string>()));
}
