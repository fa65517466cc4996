using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion.Query;

/// <summary>One search hit: a page, a data source, or (before 2025-09-03) a database.</summary>
internal sealed record SearchHit(string Id, DateTimeOffset LastEditedTime, NotionPage? Page, NotionDataSource? DataSource, NotionDatabase? Database);

internal sealed record SearchPage(IReadOnlyList<SearchHit> Results, string? NextCursor, bool HasMore);

/// <summary>
/// <c>POST /v1/search</c>: titles containing <c>query</c> (case-insensitive), optionally only pages or only data
/// sources, only the trash (<c>in_trash: true</c>) or never the trash, newest edit first unless sorted ascending.
/// The cursor holds the sort key of the next hit, so paging survives edits in between. Callers hold the lock.
/// </summary>
internal sealed class SearchEngine(NotionWorkspace workspace, SearchIndex index)
{
    public SearchPage Run(JsonObject body, ApiVersion version)
    {
        var query = Query(body["query"]);
        var (objectKind, inTrash) = Filter(body["filter"], version);
        var ascending = Ascending(body["sort"]);
        var pageSize = QueryEngine.PageSize(body["page_size"]);
        var cursor = Cursor(body["start_cursor"]);
        var hits = Hits(objectKind, inTrash, query, version);
        hits.Sort((a, b) => Compare(a.LastEditedTime, a.Id, b.LastEditedTime, b.Id, ascending));
        var start = cursor is { } c ? hits.FindIndex(h => Compare(h.LastEditedTime, h.Id, c.Time, c.Id, ascending) >= 0) : 0;
        start = start < 0 ? hits.Count : start;
        var end = Math.Min(start + pageSize, hits.Count);
        var hasMore = end < hits.Count;
        var next = hasMore ? string.Create(CultureInfo.InvariantCulture, $"{hits[end].LastEditedTime.UtcTicks}-{hits[end].Id}") : null;
        return new SearchPage(hits.GetRange(start, end - start), next, hasMore);
    }

    private List<SearchHit> Hits(string? objectKind, bool inTrash, string query, ApiVersion version)
    {
        var hits = new List<SearchHit>();
        if (objectKind is null or "page")
        {
            foreach (var page in workspace.AllPages)
            {
                if (index.Lookup(page) is { } entry && entry.InTrash == inTrash && (query.Length == 0 || Matches(entry.Title ?? workspace.TitleOf(page), query)))
                {
                    hits.Add(new SearchHit(page.Id, entry.LastEditedTime, page, null, null));
                }
            }
        }
        if (objectKind is null or "data_source" && !version.IsLegacy)
        {
            foreach (var dataSource in workspace.AllDatabases.SelectMany(d => d.DataSourceIds).Select(id => workspace.FindDataSourceUnlocked(id)!))
            {
                if (dataSource.InTrash == inTrash && Matches(RichText.PlainText(dataSource.Title), query))
                {
                    hits.Add(new SearchHit(dataSource.Id, dataSource.LastEditedTime, null, dataSource, null));
                }
            }
        }
        if (objectKind is null or "database" && version.IsLegacy)
        {
            foreach (var database in workspace.AllDatabases)
            {
                if (database.InTrash == inTrash && Matches(RichText.PlainText(database.Title), query))
                {
                    hits.Add(new SearchHit(database.Id, NotionTime.FloorToMinute(database.LastEditedTime), null, null, database));
                }
            }
        }
        return hits;
    }

    private static bool Matches(string title, string query) =>
        query.Length == 0 || title.Contains(query, StringComparison.OrdinalIgnoreCase);

    private static int Compare(DateTimeOffset timeA, string idA, DateTimeOffset timeB, string idB, bool ascending)
    {
        var order = timeA.CompareTo(timeB);
        order = order != 0 ? order : string.CompareOrdinal(idA, idB);
        return ascending ? order : -order;
    }

    private static string Query(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
        _ => throw NotionApiException.Body("body.query", "a string", node.ToJsonString()),
    };

    private static (string? ObjectKind, bool InTrash) Filter(JsonNode? node, ApiVersion version)
    {
        if (node is null)
        {
            return (null, false);
        }
        if (node is not JsonObject filter)
        {
            throw NotionApiException.Body("body.filter", "an object", node.ToJsonString());
        }
        var inTrash = filter["in_trash"] switch
        {
            null => false,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            var other => throw NotionApiException.Body("body.filter.in_trash", "a boolean", other.ToJsonString()),
        };
        if (!filter.ContainsKey("property") && !filter.ContainsKey("value"))
        {
            if (!filter.ContainsKey("in_trash"))
            {
                throw NotionApiException.Body("body.filter.property", "defined", null);
            }
            return (null, inTrash);
        }
        if (filter["property"] is not JsonValue p || p.GetValueKind() != JsonValueKind.String || p.GetValue<string>() != "object")
        {
            throw NotionApiException.Body("body.filter.property", "`\"object\"`", filter["property"]?.ToJsonString());
        }
        var allowed = version.IsLegacy ? "database" : "data_source";
        var value = filter["value"] is JsonValue v2 && v2.GetValueKind() == JsonValueKind.String ? v2.GetValue<string>() : null;
        if (value != "page" && value != allowed)
        {
            throw NotionApiException.Body("body.filter.value", $"`\"page\"` or `\"{allowed}\"`", filter["value"]?.ToJsonString());
        }
        return (value, inTrash);
    }

    private static bool Ascending(JsonNode? node)
    {
        if (node is null)
        {
            return false;
        }
        if (node is not JsonObject sort)
        {
            throw NotionApiException.Body("body.sort", "an object", node.ToJsonString());
        }
        if (sort["timestamp"] is not JsonValue t || t.GetValueKind() != JsonValueKind.String || t.GetValue<string>() != "last_edited_time")
        {
            throw NotionApiException.Body("body.sort.timestamp", "`\"last_edited_time\"`", sort["timestamp"]?.ToJsonString());
        }
        var direction = sort["direction"] is JsonValue d && d.GetValueKind() == JsonValueKind.String ? d.GetValue<string>() : null;
        return direction switch
        {
            "ascending" => true,
            "descending" => false,
            _ => throw NotionApiException.Body("body.sort.direction", "`\"ascending\"` or `\"descending\"`", sort["direction"]?.ToJsonString()),
        };
    }

    private static (DateTimeOffset Time, string Id)? Cursor(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }
        var raw = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
            : throw NotionApiException.Body("body.start_cursor", "a string", node.ToJsonString());
        var dash = raw.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && long.TryParse(raw.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && NotionIds.Normalize(raw[(dash + 1)..]) is { } id)
        {
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        throw NotionApiException.Validation($"The start_cursor provided is invalid: {raw}");
    }
}
