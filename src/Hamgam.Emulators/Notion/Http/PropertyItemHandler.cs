using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion.Http;

/// <summary>
/// <c>GET /v1/pages/{id}/properties/{property_id}</c>: list-valued properties (relation, people, title, rich_text)
/// as paginated property items, everything else as one property item.
/// </summary>
internal sealed class PropertyItemHandler(NotionWorkspace workspace)
{
    public NotionResponse Handle(NotionApiRequest request)
    {
        var pageId = request.PathId(1, "page_id");
        var propertyKey = Uri.UnescapeDataString(request.Segments[3]);
        var pageSize = PageSize(request);
        var start = Start(request);
        lock (workspace.Gate)
        {
            var page = workspace.FindPageUnlocked(pageId) ?? throw workspace.NotFound("page", pageId);
            var dataSource = page.DataSourceId is null ? null : workspace.FindDataSourceUnlocked(page.DataSourceId);
            var property = dataSource?.FindProperty(propertyKey)
                ?? (propertyKey == "title" && dataSource is null ? new NotionProperty { Id = "title", Name = "title", Type = "title" } : null)
                ?? throw workspace.NotFound("property", propertyKey);
            var stored = page.Values.GetValueOrDefault(property.Id);
            if (property.Type is not ("relation" or "people" or "title" or "rich_text"))
            {
                return request.Ok(w =>
                {
                    w.WriteString("object", "property_item");
                    workspace.Renderer.WritePropertyValue(w, dataSource!, property, page, truncateRelations: false);
                });
            }
            var items = stored as JsonArray ?? [];
            var end = Math.Min(start + pageSize, items.Count);
            var hasMore = end < items.Count;
            var next = hasMore ? end.ToString(CultureInfo.InvariantCulture) : null;
            var nextUrl = next is null ? null
                : $"{request.Context.Request.Scheme}://{request.Context.Request.Host}/v1/pages/{page.Id}/properties/{property.Id}?start_cursor={next}";
            return request.Ok(w =>
            {
                w.WriteString("object", "list");
                w.WriteStartArray("results");
                for (var i = Math.Min(start, items.Count); i < end; i++)
                {
                    WriteItem(w, property, items[i]);
                }
                w.WriteEndArray();
                if (next is null)
                {
                    w.WriteNull("next_cursor");
                }
                else
                {
                    w.WriteString("next_cursor", next);
                }
                w.WriteBoolean("has_more", hasMore);
                w.WriteString("type", "property_item");
                w.WriteStartObject("property_item");
                w.WriteString("id", property.Id);
                if (nextUrl is null)
                {
                    w.WriteNull("next_url");
                }
                else
                {
                    w.WriteString("next_url", nextUrl);
                }
                w.WriteString("type", property.Type);
                w.WriteStartObject(property.Type);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }
    }

    private void WriteItem(Utf8JsonWriter w, NotionProperty property, JsonNode? item)
    {
        w.WriteStartObject();
        w.WriteString("object", "property_item");
        w.WriteString("type", property.Type);
        w.WriteString("id", property.Id);
        w.WritePropertyName(property.Type);
        switch (property.Type)
        {
            case "relation":
                w.WriteStartObject();
                w.WriteString("id", item!.GetValue<string>());
                w.WriteEndObject();
                break;
            case "people":
                workspace.Renderer.WriteUser(w, item!.GetValue<string>());
                break;
            default:
                item!.WriteTo(w);
                break;
        }
        w.WriteEndObject();
    }

    private static int PageSize(NotionApiRequest request)
    {
        var raw = request.Context.Request.Query["page_size"].ToString();
        if (raw.Length == 0)
        {
            return 100;
        }
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size is < 1 or > 100)
        {
            throw NotionApiException.Validation($"query failed validation: query.page_size should be a number between 1 and 100, instead was `\"{raw}\"`.");
        }
        return size;
    }

    private static int Start(NotionApiRequest request)
    {
        var raw = request.Context.Request.Query["start_cursor"].ToString();
        if (raw.Length == 0)
        {
            return 0;
        }
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) && start >= 0
            ? start
            : throw NotionApiException.Validation($"The start_cursor provided is invalid: {raw}");
    }
}
