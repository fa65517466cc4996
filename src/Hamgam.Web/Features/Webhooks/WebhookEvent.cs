using System.Text.Json;

namespace Hamgam.Web.Features.Webhooks;

/// <summary>
/// The parts of a Notion webhook event Hamgam acts on. Events are signals only: the page is read again, so the
/// event's own data (and its <c>timestamp</c>) never decides what is written.
/// </summary>
/// <param name="Id">The event id; deliveries of the same event (retries, duplicates) share it.</param>
/// <param name="Type">E.g. <c>page.properties_updated</c>; types Hamgam does not know are ignored.</param>
/// <param name="EntityId">The page, data source or database the event is about.</param>
/// <param name="ParentDataSourceId"><c>data.parent.data_source_id</c>: where the page is now, when Notion says.</param>
public sealed record WebhookEvent(string Id, string Type, string? EntityId, string? ParentDataSourceId)
{
    /// <summary>Reads an event; null when the body is not an event object (no id or type).</summary>
    public static WebhookEvent? TryRead(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "id") is not { Length: > 0 } id || Text(root, "type") is not { Length: > 0 } type)
        {
            return null;
        }

        var entity = root.TryGetProperty("entity", out var e) && e.ValueKind == JsonValueKind.Object ? AsId(Text(e, "id")) : null;
        string? parent = null;
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("parent", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            parent = AsId(Text(p, "data_source_id"));
        }

        return new WebhookEvent(id, type, entity, parent);
    }

    /// <summary>The page to read again for this event, or null.</summary>
    public string? PageToRefresh => Type switch
    {
        // content_updated changes blocks, not properties; reading the page again is harmless and cheap when coalesced.
        "page.created" or "page.properties_updated" or "page.content_updated" or "page.deleted" or "page.undeleted" or "page.moved" => EntityId,
        _ => null,
    };

    /// <summary>The data source (or, for events rendered in 2022-06-28, the database) whose schema to check, or null.</summary>
    public string? SchemaToCheck => Type is "data_source.schema_updated" or "database.schema_updated" ? EntityId : null;

    /// <summary>A Notion id as a dashed lowercase UUID; anything else is no id (it never reaches a request path).</summary>
    private static string? AsId(string? text) => Guid.TryParse(text, out var id) ? id.ToString("D") : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
