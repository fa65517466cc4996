using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion.Webhooks;

/// <summary>A change to the workspace that subscriptions hear about, captured under the workspace lock.</summary>
internal sealed record WebhookChange(string Type, string EntityId, string EntityType, JsonObject? Parent, string AuthorId, string AuthorType, IReadOnlyList<string> UpdatedProperties)
{
    public static WebhookChange ForPage(string type, NotionPage page, NotionDataSource? dataSource, string actor, string botUserId, IEnumerable<string>? properties = null) =>
        new(type, page.Id, "page", ParentOf(page, dataSource), actor, actor == botUserId ? "bot" : "person", [.. properties ?? []]);

    public static WebhookChange ForSchema(NotionDataSource dataSource, string actor, string botUserId) =>
        new("data_source.schema_updated", dataSource.Id, "data_source",
            new JsonObject { ["id"] = dataSource.DatabaseId, ["type"] = "database" }, actor, actor == botUserId ? "bot" : "person", []);

    private static JsonObject ParentOf(NotionPage page, NotionDataSource? dataSource) => dataSource is not null
        ? new JsonObject { ["id"] = dataSource.DatabaseId, ["type"] = "database", ["data_source_id"] = dataSource.Id }
        : new JsonObject { ["id"] = page.ParentPageId, ["type"] = "page" };
}

/// <summary>An event being built: several changes of one type to one entity merge into it while it waits.</summary>
internal sealed class PendingEvent(string id, WebhookChange first, DateTimeOffset at)
{
    private readonly List<(string Id, string Type)> _authors = [(first.AuthorId, first.AuthorType)];
    private readonly List<string> _properties = [.. first.UpdatedProperties];

    public string Id { get; } = id;

    public WebhookChange First { get; } = first;

    public DateTimeOffset At { get; private set; } = at;

    public void Merge(WebhookChange change, DateTimeOffset at)
    {
        At = at;
        if (!_authors.Contains((change.AuthorId, change.AuthorType)))
        {
            _authors.Add((change.AuthorId, change.AuthorType));
        }

        _properties.AddRange(change.UpdatedProperties.Where(p => !_properties.Contains(p)));
    }

    /// <summary>The event body for one delivery attempt, shaped like Notion's.</summary>
    public JsonObject Render(WebhookSubscription subscription, string workspaceId, string workspaceName, string integrationId, int attempt)
    {
        var data = new JsonObject { ["parent"] = First.Parent?.DeepClone() };
        if (First.Type == "page.properties_updated")
        {
            data["updated_properties"] = new JsonArray([.. _properties.Select(p => (JsonNode)p)]);
        }
        else if (First.Type == "data_source.schema_updated")
        {
            data["updated_properties"] = new JsonArray();
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["timestamp"] = At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["workspace_id"] = workspaceId,
            ["workspace_name"] = workspaceName,
            ["subscription_id"] = subscription.Id,
            ["integration_id"] = integrationId,
            ["authors"] = new JsonArray([.. _authors.Select(a => (JsonNode)new JsonObject { ["id"] = a.Id, ["type"] = a.Type })]),
            ["attempt_number"] = attempt,
            ["api_version"] = subscription.Options.ApiVersion,
            ["entity"] = new JsonObject { ["id"] = First.EntityId, ["type"] = First.EntityType },
            ["type"] = First.Type,
            ["data"] = data,
        };
    }
}
