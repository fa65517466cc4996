using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Webhooks;

namespace Hamgam.Emulators.Tests.Notion;

public sealed class WebhookTests
{
    private static readonly Uri Target = new("http://hamgam.test/webhooks/notion");

    [Fact]
    public async Task Subscribe_SendsAnUnsignedVerificationRequest_AndEventsOnlyOnceVerified()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var receiver = Receive(h);
        var tasks = h.CreateTasks();

        var subscription = await h.Workspace.Webhooks.SubscribeAsync(Target);
        h.AddTask(tasks, "before verification");
        await h.Workspace.Webhooks.IdleAsync();

        var verification = Assert.Single(receiver.Received);
        Assert.Null(verification.Signature);
        var token = JsonNode.Parse(verification.Body)!["verification_token"]!.GetValue<string>();
        Assert.StartsWith("secret_", token, StringComparison.Ordinal);
        Assert.Single(JsonNode.Parse(verification.Body)!.AsObject());
        Assert.False(h.Workspace.Webhooks.Verify(subscription.Id, token + "x"));
        Assert.True(h.Workspace.Webhooks.Verify(subscription.Id, token));

        var id = h.AddTask(tasks, "after");
        await h.Workspace.Webhooks.IdleAsync();

        var delivery = receiver.Received.Last();
        Assert.Equal(Sign(delivery.Body, token), delivery.Signature);
        var e = JsonNode.Parse(delivery.Body)!.AsObject();
        Assert.Equal("page.created", e["type"]!.GetValue<string>());
        Assert.Equal(id, e["entity"]!["id"]!.GetValue<string>());
        Assert.Equal("page", e["entity"]!["type"]!.GetValue<string>());
        Assert.Equal(tasks, e["data"]!["parent"]!["data_source_id"]!.GetValue<string>());
        Assert.Equal("database", e["data"]!["parent"]!["type"]!.GetValue<string>());
        Assert.Equal("person", e["authors"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(1, e["attempt_number"]!.GetValue<int>());
        Assert.Equal(subscription.Id, e["subscription_id"]!.GetValue<string>());
        Assert.Equal("2026-03-11", e["api_version"]!.GetValue<string>());
        foreach (var key in new[] { "id", "timestamp", "workspace_id", "workspace_name", "integration_id" })
        {
            Assert.False(string.IsNullOrEmpty(e[key]!.GetValue<string>()), key);
        }
    }

    [Fact]
    public async Task ApiChanges_DeliverPropertiesUpdatedDeletedAndUndeleted_ByTheBot()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var receiver = Receive(h);
        var tasks = h.CreateTasks();
        var id = h.AddTask(tasks, "page");
        await SubscribeVerifiedAsync(h, receiver);

        await h.Client.PatchAsync($"v1/pages/{id}", new JsonObject { ["properties"] = new JsonObject { ["Name"] = EmulatorHarness.Title("renamed") } });
        await h.Client.PatchAsync($"v1/pages/{id}", new JsonObject { ["in_trash"] = true });
        await h.Client.PatchAsync($"v1/pages/{id}", new JsonObject { ["in_trash"] = false });
        await h.Workspace.Webhooks.IdleAsync();

        var events = receiver.Events().ToList();
        Assert.Equal(["page.deleted", "page.properties_updated", "page.undeleted"], events.Select(e => e["type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal("bot", e["authors"]![0]!["type"]!.GetValue<string>()));
        Assert.Equal(["title"], events.Single(e => e["type"]!.GetValue<string>() == "page.properties_updated")["data"]!["updated_properties"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task Aggregation_TwoEditsInTheWindow_GoOutAsOneEventWithBothProperties()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var receiver = Receive(h);
        var tasks = h.CreateTasks();
        var id = h.AddTask(tasks, "page");
        await SubscribeVerifiedAsync(h, receiver, new WebhookDeliveryOptions { AggregationWindow = TimeSpan.FromMinutes(1) });

        h.Workspace.UpdatePage(id, new JsonObject { ["properties"] = new JsonObject { ["Name"] = EmulatorHarness.Title("one") } });
        await h.Client.PatchAsync($"v1/pages/{id}", new JsonObject { ["properties"] = new JsonObject { ["Quick Win"] = new JsonObject { ["checkbox"] = true } } });
        Assert.Empty(receiver.Events());
        await AdvanceUntilAsync(h, () => receiver.Events().Any());
        await h.Workspace.Webhooks.IdleAsync();

        var e = Assert.Single(receiver.Events());
        Assert.Equal(2, e["authors"]!.AsArray().Count);
        Assert.Equal(2, e["data"]!["updated_properties"]!.AsArray().Count);
    }

    [Fact]
    public async Task Duplicates_DeliverTheSameEventIdAgain()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var receiver = Receive(h);
        var tasks = h.CreateTasks();
        await SubscribeVerifiedAsync(h, receiver, new WebhookDeliveryOptions { Duplicates = 1 });

        h.AddTask(tasks, "twice");
        await h.Workspace.Webhooks.IdleAsync();

        var events = receiver.Events().ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(events[0]["id"]!.GetValue<string>(), events[1]["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delivery_Answered5xx_IsRetriedWithDoublingWaits_And4xxIsNot()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var receiver = Receive(h);
        var tasks = h.CreateTasks();
        await SubscribeVerifiedAsync(h, receiver, new WebhookDeliveryOptions { RetryBaseDelay = TimeSpan.FromSeconds(10) });
        receiver.Answers.Enqueue(HttpStatusCode.InternalServerError);
        receiver.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);

        h.AddTask(tasks, "retried");
        await AdvanceUntilAsync(h, () => receiver.Events().Count() == 3);
        await h.Workspace.Webhooks.IdleAsync();

        var attempts = h.Workspace.Webhooks.Attempts.Where(a => a.EventId is not null).ToList();
        Assert.Equal([1, 2, 3], attempts.Select(a => a.AttemptNumber));
        Assert.Equal([500, 503, 200], attempts.Select(a => a.Status));
        Assert.Single(attempts.Select(a => a.EventId).Distinct());
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(10));
        Assert.True(attempts[2].At - attempts[1].At >= TimeSpan.FromSeconds(20));
        Assert.Equal([1, 2, 3], receiver.Events().Select(e => e["attempt_number"]!.GetValue<int>()));

        receiver.Answers.Enqueue(HttpStatusCode.BadRequest);
        h.AddTask(tasks, "refused");
        await h.Workspace.Webhooks.IdleAsync();
        Assert.Equal(4, receiver.Events().Count());
    }

    [Fact]
    public async Task SchemaChange_DeliversDataSourceSchemaUpdated()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var receiver = Receive(h);
        var tasks = h.CreateTasks();
        await SubscribeVerifiedAsync(h, receiver);

        await h.Client.PatchAsync($"v1/data_sources/{tasks}", new JsonObject { ["properties"] = new JsonObject { ["Extra"] = new JsonObject { ["number"] = new JsonObject() } } });
        await h.Workspace.Webhooks.IdleAsync();

        var e = Assert.Single(receiver.Events());
        Assert.Equal("data_source.schema_updated", e["type"]!.GetValue<string>());
        Assert.Equal(tasks, e["entity"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task InspectionRoute_SubscribesVerifiesAndLists()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var receiver = Receive(h);
        using var http = h.InspectionClient();

        var created = JsonNode.Parse(await (await http.PostAsync("_emulator/notion/webhooks", Json(new JsonObject { ["url"] = Target.ToString(), ["duplicates"] = 1 }))).Content.ReadAsStringAsync())!;
        var token = JsonNode.Parse(receiver.Received.Single().Body)!["verification_token"]!.GetValue<string>();
        var wrong = await http.PostAsync($"_emulator/notion/webhooks/{created["id"]}/verify", Json(new JsonObject { ["verification_token"] = "nope" }));
        var right = await http.PostAsync($"_emulator/notion/webhooks/{created["id"]}/verify", Json(new JsonObject { ["verification_token"] = token }));
        var list = JsonNode.Parse(await http.GetStringAsync("_emulator/notion/webhooks"))!;

        Assert.Null(created["verification_token"]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.True(list["results"]![0]!["verified"]!.GetValue<bool>());
        Assert.Equal(1, h.Workspace.Webhooks.Subscriptions.Single().Options.Duplicates);
    }

    private static async Task SubscribeVerifiedAsync(EmulatorHarness h, Receiver receiver, WebhookDeliveryOptions? options = null)
    {
        var subscription = await h.Workspace.Webhooks.SubscribeAsync(Target, options);
        Assert.True(h.Workspace.Webhooks.Verify(subscription.Id, subscription.VerificationToken));
        receiver.Received.Clear();
    }

    /// <summary>Moves the emulator's clock in small steps until the condition holds (timers are set from background tasks).</summary>
    private static async Task AdvanceUntilAsync(EmulatorHarness h, Func<bool> condition)
    {
        for (var step = 0; step < 2_000 && !condition(); step++)
        {
            h.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.True(condition());
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static string Sign(string body, string token) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(body)));

    private static Receiver Receive(EmulatorHarness h)
    {
        var receiver = new Receiver();
        h.Emulator.Options.WebhookHandler = receiver;
        return receiver;
    }

    /// <summary>Stands in for Hamgam's endpoint: records each delivery and answers the next scripted status (200 when none).</summary>
    private sealed class Receiver : HttpMessageHandler
    {
        public ConcurrentQueue<(string Body, string? Signature)> Received { get; } = new();

        public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();

        public IEnumerable<JsonObject> Events() =>
            Received.Where(r => r.Signature is not null).Select(r => JsonNode.Parse(r.Body)!.AsObject());

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Received.Enqueue((body, request.Headers.TryGetValues("X-Notion-Signature", out var values) ? values.Single() : null));
            return new HttpResponseMessage(Answers.TryDequeue(out var status) ? status : HttpStatusCode.OK);
        }
    }
}
