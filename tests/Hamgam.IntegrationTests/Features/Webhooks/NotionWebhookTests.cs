using System.Net;
using System.Text;
using Hamgam.Core.Data;
using Hamgam.Core.Settings;
using Hamgam.Emulators.Notion;
using Hamgam.Testing;
using Hamgam.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Hamgam.IntegrationTests.Features.Webhooks;

public sealed class NotionWebhookTests(ITestOutputHelper output)
{
    [Theory, OnAllDatabases]
    public async Task Flood_OfEventsForThreePages_IsCoalescedIntoFewerReads(DatabaseProvider provider)
    {
        await using var rig = await WebhookRig.StartAsync(provider);
        await rig.VerifyAsync();
        var ids = Enumerable.Range(0, 3).Select(i => rig.AddTask($"سیل {i}")).ToList();
        var requests = rig.Notion.RequestCount;

        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            rig.SendAsync(WebhookRig.Event("page.properties_updated", ids[i % 3], rig.Databases.Tasks.DataSourceId))));
        await rig.WaitUntilIdleAsync();

        var reads = rig.Notion.RequestCount - requests;
        output.WriteLine($"{provider}: 300 events for 3 pages -> {reads} page reads, {rig.Inbox.Done} work items");
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.InRange(reads, 3, 299);
        await using var db = rig.Db.CreateContext();
        Assert.Equal(3, await db.Tasks.CountAsync(t => ids.Contains(t.NotionId!)));
    }

    [Theory, OnAllDatabases]
    public async Task Verification_IsKeptWithoutAnApiKey_AndReplacedOnlyUntilAnEventIsVerified(DatabaseProvider provider)
    {
        await using var rig = await WebhookRig.StartAsync(provider, pull: false);

        Assert.Equal(HttpStatusCode.OK, (await rig.VerifyAsync("secret_first")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rig.VerifyAsync()).StatusCode);
        Assert.Equal(new WebhookTokenState(WebhookRig.Token, false, null), await rig.Tokens.GetAsync());

        Assert.Equal(HttpStatusCode.OK, (await rig.SendAsync(WebhookRig.Event("comment.created", Guid.NewGuid().ToString(), Guid.NewGuid().ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rig.VerifyAsync("secret_later")).StatusCode);

        // Verified: a later request cannot take over the signing key; it waits for the user in Settings.
        Assert.Equal(new WebhookTokenState(WebhookRig.Token, true, "secret_later"), await rig.Tokens.GetAsync());
        await rig.Tokens.AcceptPendingAsync();
        Assert.Equal(new WebhookTokenState("secret_later", false, null), await rig.Tokens.GetAsync());
    }

    [Theory, OnAllDatabases]
    public async Task Event_WithAGoodSignature_BringsTheEditInWithoutAPull(DatabaseProvider provider)
    {
        await using var rig = await WebhookRig.StartAsync(provider);
        await rig.VerifyAsync();
        var id = rig.AddTask("قبل");
        var created = await rig.SendAsync(WebhookRig.Event("page.created", id, rig.Databases.Tasks.DataSourceId));
        await rig.WaitForWorkAsync(1);
        rig.RenameTask(id, "بعد از ویرایش در نوشن ✍️");

        var updated = await rig.SendAsync(WebhookRig.Event("page.properties_updated", id, rig.Databases.Tasks.DataSourceId));
        await rig.WaitForWorkAsync(2);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await using var db = rig.Db.CreateContext();
        Assert.Equal("بعد از ویرایش در نوشن ✍️", (await db.Tasks.SingleAsync(t => t.NotionId == id)).Name);
    }

    [Theory, OnAllDatabases]
    public async Task Event_WithABadOrMissingSignature_Is401AndChangesNothing(DatabaseProvider provider)
    {
        await using var rig = await WebhookRig.StartAsync(provider);
        await rig.VerifyAsync();
        var id = rig.AddTask("جعلی");
        var body = WebhookRig.Event("page.created", id, rig.Databases.Tasks.DataSourceId);

        var wrongKey = await rig.SendAsync(body, key: "secret_not_the_token");
        var unsigned = await rig.PostRawAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), null);
        var garbled = await rig.PostRawAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), "sha256=zz");

        Assert.All([wrongKey, unsigned, garbled], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal((0, 0L), (rig.Inbox.Waiting, rig.Inbox.Done));
        Assert.False((await rig.Tokens.GetAsync()).Verified);
        await using var db = rig.Db.CreateContext();
        Assert.Empty(await db.Tasks.IgnoreQueryFilters().ToListAsync());
    }

    [Theory, OnAllDatabases]
    public async Task Event_Replayed_IsReadOnce(DatabaseProvider provider)
    {
        await using var rig = await WebhookRig.StartAsync(provider);
        await rig.VerifyAsync();
        var id = rig.AddTask("یک بار");
        var body = WebhookRig.Event("page.created", id, rig.Databases.Tasks.DataSourceId);
        await rig.SendAsync(body);
        await rig.WaitForWorkAsync(1);
        var requests = rig.Notion.RequestCount;

        body["attempt_number"] = 2;
        var replay = await rig.SendAsync(body);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal((0, 1L), (rig.Inbox.Waiting, rig.Inbox.Done));
        Assert.Equal(requests, rig.Notion.RequestCount);
    }

    [Theory, OnAllDatabases]
    public async Task Events_OutOfOrder_LeaveNotionsCurrentPage(DatabaseProvider provider)
    {
        await using var rig = await WebhookRig.StartAsync(provider);
        await rig.VerifyAsync();
        var id = rig.AddTask("اول");
        await rig.SendAsync(WebhookRig.Event("page.created", id, rig.Databases.Tasks.DataSourceId, timestamp: "2026-11-24T08:30:00.000Z"));
        await rig.WaitForWorkAsync(1);
        rig.RenameTask(id, "دوم");
        rig.RenameTask(id, "سوم");

        // The later edit's event arrives first, the earlier one after it: each reads the page as it is now.
        await rig.SendAsync(WebhookRig.Event("page.properties_updated", id, rig.Databases.Tasks.DataSourceId, timestamp: "2026-11-24T08:32:00.000Z"));
        await rig.WaitForWorkAsync(2);
        await rig.SendAsync(WebhookRig.Event("page.properties_updated", id, rig.Databases.Tasks.DataSourceId, timestamp: "2026-11-24T08:31:00.000Z"));
        await rig.WaitForWorkAsync(3);

        await using var db = rig.Db.CreateContext();
        Assert.Equal("سوم", (await db.Tasks.SingleAsync(t => t.NotionId == id)).Name);
    }

    [Theory, OnAllDatabases]
    public async Task Event_ForAPageOutsideTheFourDatabases_CostsNoRequestAndChangesNothing(DatabaseProvider provider)
    {
        await using var rig = await WebhookRig.StartAsync(provider);
        await rig.VerifyAsync();
        var elsewhere = HamgamSampleSchemas.CreateDatabases(rig.Notion.Workspace);
        var id = rig.Notion.Workspace.CreatePage(elsewhere.Tasks.DataSourceId, new() { ["Name"] = NotionSyncHarness.Title("غریبه") })["id"]!.GetValue<string>();
        var requests = rig.Notion.RequestCount;

        var response = await rig.SendAsync(WebhookRig.Event("page.created", id, elsewhere.Tasks.DataSourceId));
        await rig.WaitForWorkAsync(1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(requests, rig.Notion.RequestCount);
        await using var db = rig.Db.CreateContext();
        Assert.DoesNotContain(await db.Tasks.IgnoreQueryFilters().Select(t => t.NotionId).ToListAsync(), n => n == id);
    }

    [Theory, OnAllDatabases]
    public async Task Body_OversizeOrMalformedOrUnknown_GetsItsAnswerAndChangesNothing(DatabaseProvider provider)
    {
        await using var rig = await WebhookRig.StartAsync(provider, pull: false);
        await rig.VerifyAsync();
        var huge = new byte[NotionWebhooksApi.MaxBodyBytes + 1];
        Array.Fill(huge, (byte)' ');
        var malformed = Encoding.UTF8.GetBytes("{\"verification_token\": \"secret_x\"");

        var tooLarge = await rig.PostRawAsync(huge, WebhookSignature.Sign(huge, WebhookRig.Token));
        var notJson = await rig.PostRawAsync(malformed, WebhookSignature.Sign(malformed, WebhookRig.Token));
        var unknown = await rig.SendAsync(WebhookRig.Event("view.updated", Guid.NewGuid().ToString(), Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(0, rig.Inbox.Waiting);
        Assert.Equal(WebhookRig.Token, (await rig.Tokens.GetAsync()).Active);
    }

    [Theory, OnAllDatabases]
    public async Task EmulatorSubscription_EditAndTrashInNotion_ReachTheDatabaseWithoutAPull(DatabaseProvider provider)
    {
        await using var rig = await WebhookRig.StartAsync(provider);
        rig.Notion.Options.WebhookHandler = rig.App.Server.CreateHandler();
        var subscription = await rig.Notion.Workspace.Webhooks.SubscribeAsync(new Uri(rig.App.Server.BaseAddress, NotionWebhooksApi.Route.TrimStart('/')));
        // The user copies the token from Settings into Notion's Verify step.
        Assert.True(rig.Notion.Workspace.Webhooks.Verify(subscription.Id, (await rig.Tokens.GetAsync()).Active!));

        var id = rig.AddTask("از نوشن با وب‌هوک 🚀");
        await rig.Notion.Workspace.Webhooks.IdleAsync();
        await rig.WaitForWorkAsync(1);
        await using (var db = rig.Db.CreateContext())
        {
            Assert.Equal("از نوشن با وب‌هوک 🚀", (await db.Tasks.SingleAsync(t => t.NotionId == id)).Name);
        }

        rig.Notion.Workspace.TrashPage(id);
        await rig.Notion.Workspace.Webhooks.IdleAsync();
        await rig.WaitForWorkAsync(2);

        await using (var db = rig.Db.CreateContext())
        {
            Assert.NotNull((await db.Tasks.IgnoreQueryFilters().SingleAsync(t => t.NotionId == id)).DeletedAt);
        }

        Assert.All(rig.Notion.Workspace.Webhooks.Attempts, a => Assert.Equal(200, a.Status));
    }
}
