using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Webhooks;

namespace Hamgam.Emulators.Notion.Http;

/// <summary>
/// <c>/_emulator/notion/webhooks</c>: the integration settings page's webhook part. <c>POST</c> subscribes a URL (and
/// sends the verification request there), <c>POST {id}/verify</c> is the Verify step with the token the user pasted,
/// <c>GET</c> lists subscriptions and delivery attempts. The token itself is never shown here, as in Notion.
/// </summary>
internal static class WebhookInspection
{
    public static async Task<JsonObject> HandleAsync(string method, string[] s, JsonObject body, NotionWebhooks webhooks, CancellationToken cancellationToken)
    {
        switch (method, s.Length)
        {
            case ("GET", 1):
                return List(webhooks);
            case ("POST", 1):
                var url = body["url"]?.GetValue<string>() is { } text && Uri.TryCreate(text, UriKind.Absolute, out var parsed)
                    ? parsed : throw NotionApiException.Body("body.url", "an absolute URL", body["url"]?.ToJsonString());
                var subscription = await webhooks.SubscribeAsync(url, Options(body), cancellationToken);
                return Describe(subscription);
            case ("POST", 3) when s[2] == "verify":
                var token = body["verification_token"]?.GetValue<string>() ?? "";
                return webhooks.Verify(s[1], token)
                    ? Describe(webhooks.Subscriptions.Single(x => x.Id == NotionIds.Normalize(s[1])))
                    : throw NotionApiException.Validation("The verification token does not match this subscription.");
            default:
                throw NotionApiException.InvalidRequestUrl();
        }
    }

    private static WebhookDeliveryOptions Options(JsonObject body)
    {
        var options = new WebhookDeliveryOptions();
        options.Delay = Millis(body, "delay_ms") ?? options.Delay;
        options.AggregationWindow = Millis(body, "aggregation_ms") ?? options.AggregationWindow;
        options.RetryBaseDelay = Millis(body, "retry_base_ms") ?? options.RetryBaseDelay;
        options.Duplicates = body["duplicates"]?.GetValue<int>() ?? options.Duplicates;
        options.MaxAttempts = Math.Clamp(body["max_attempts"]?.GetValue<int>() ?? options.MaxAttempts, 1, 8);
        options.ApiVersion = body["api_version"]?.GetValue<string>() ?? options.ApiVersion;
        return options;
    }

    private static TimeSpan? Millis(JsonObject body, string key) =>
        body[key] is JsonValue v ? TimeSpan.FromMilliseconds(Math.Max(0, v.GetValue<double>())) : null;

    private static JsonObject Describe(WebhookSubscription s) => new()
    {
        ["id"] = s.Id,
        ["url"] = s.Url.ToString(),
        ["verified"] = s.Verified,
    };

    private static JsonObject List(NotionWebhooks webhooks) => new()
    {
        ["results"] = new JsonArray([.. webhooks.Subscriptions.Select(s => (JsonNode)Describe(s))]),
        ["attempts"] = new JsonArray([.. webhooks.Attempts.Select(a => (JsonNode)new JsonObject
        {
            ["subscription_id"] = a.SubscriptionId,
            ["event_id"] = a.EventId,
            ["type"] = a.Type,
            ["attempt_number"] = a.AttemptNumber,
            ["status"] = a.Status,
        })]),
    };
}
