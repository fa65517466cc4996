using System.Text;
using System.Text.Json;
using Hamgam.Web.Features.Webhooks;

namespace Hamgam.Web.Tests.Features.Webhooks;

public sealed class WebhookPartsTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"e1\",\"type\":\"page.created\"}");

    [Fact]
    public void Signature_MatchesOnlyTheSameBodyAndToken()
    {
        var header = WebhookSignature.Sign(Body, "secret_token");

        Assert.Matches("^sha256=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.IsValid(Body, header, "secret_token"));
        Assert.True(WebhookSignature.IsValid(Body, "sha256=" + header[7..].ToUpperInvariant(), "secret_token"));
        Assert.False(WebhookSignature.IsValid(Body, header, "secret_other"));
        Assert.False(WebhookSignature.IsValid([.. Body, (byte)' '], header, "secret_token"));
        Assert.False(WebhookSignature.IsValid(Body, header[7..], "secret_token"));
        Assert.False(WebhookSignature.IsValid(Body, "sha256=" + new string('g', 64), "secret_token"));
        Assert.False(WebhookSignature.IsValid(Body, null, "secret_token"));
    }

    [Fact]
    public void Event_ReadsIdsAsUuids_AndMapsTypesToWork()
    {
        const string page = "1f0e8f6b8a4c80d1b2c3d4e5f6a7b8c9";
        using var doc = JsonDocument.Parse("""
            {"id":"ev","type":"page.moved","entity":{"id":"PAGE","type":"page"},
             "data":{"parent":{"id":"x","type":"database","data_source_id":"../../v1/users"}}}
            """.Replace("PAGE", page, StringComparison.Ordinal));

        var e = WebhookEvent.TryRead(doc.RootElement)!;

        Assert.Equal("1f0e8f6b-8a4c-80d1-b2c3-d4e5f6a7b8c9", e.PageToRefresh);
        Assert.Null(e.ParentDataSourceId);
        Assert.Null(e.SchemaToCheck);
        Assert.Null((e with { Type = "page.locked" }).PageToRefresh);
        Assert.Equal(e.EntityId, (e with { Type = "data_source.schema_updated" }).SchemaToCheck);
        using var notAnEvent = JsonDocument.Parse("{\"type\":\"page.created\"}");
        Assert.Null(WebhookEvent.TryRead(notAnEvent.RootElement));
    }

    [Fact]
    public async Task Inbox_DropsRepeatedIds_AndCoalescesWaitingWorkPerPage()
    {
        var inbox = new WebhookInbox();

        Assert.True(inbox.FirstDelivery("a"));
        Assert.False(inbox.FirstDelivery("a"));
        Assert.True(inbox.Post(new WebhookWork(WebhookWorkKind.Page, "p1", null)));
        Assert.False(inbox.Post(new WebhookWork(WebhookWorkKind.Page, "p1", null)));
        Assert.True(inbox.Post(new WebhookWork(WebhookWorkKind.Page, "p2", null)));
        Assert.True(inbox.Post(new WebhookWork(WebhookWorkKind.Schema, "p1", null)));

        Assert.Equal("p1", (await inbox.TakeAsync(CancellationToken.None)).Id);
        // Taken: an event arriving while it is being read queues it again, so a later edit is not missed.
        Assert.True(inbox.Post(new WebhookWork(WebhookWorkKind.Page, "p1", null)));
        Assert.Equal(3, inbox.Waiting);
    }

    [Fact]
    public void Inbox_RemembersABoundedNumberOfIds()
    {
        var inbox = new WebhookInbox();
        for (var i = 0; i <= WebhookInbox.MaxRecentIds; i++)
        {
            inbox.FirstDelivery($"e{i}");
        }

        Assert.True(inbox.FirstDelivery("e0"));
        Assert.False(inbox.FirstDelivery($"e{WebhookInbox.MaxRecentIds}"));
    }
}
