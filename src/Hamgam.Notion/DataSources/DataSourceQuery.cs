using System.Text.Json.Nodes;

namespace Hamgam.Notion;

/// <summary>What to ask of <c>POST /v1/data_sources/{id}/query</c>.</summary>
public sealed record DataSourceQuery
{
    /// <summary>The filter, or <see langword="null"/> for all pages not in the trash.</summary>
    public NotionFilter? Filter { get; init; }

    /// <summary>Sort criteria; earlier entries take precedence.</summary>
    public IReadOnlyList<NotionSort> Sorts { get; init; } = [];

    /// <summary>Results per request, 1–100 (Notion's default 100 when <see langword="null"/>).</summary>
    public int? PageSize { get; init; }

    /// <summary>Return only these properties (names or ids); all when empty.</summary>
    public IReadOnlyList<string> FilterProperties { get; init; } = [];

    internal JsonObject ToJson(string? startCursor)
    {
        var body = new JsonObject();
        if (Filter is not null)
        {
            body["filter"] = Filter.ToJson();
        }

        if (Sorts.Count > 0)
        {
            body["sorts"] = new JsonArray(Sorts.Select(s => (JsonNode)s.ToJson()).ToArray());
        }

        if (startCursor is not null)
        {
            body["start_cursor"] = startCursor;
        }

        if (PageSize is { } size)
        {
            body["page_size"] = Math.Clamp(size, 1, 100);
        }

        return body;
    }
}

/// <summary>The sort direction.</summary>
public enum SortDirection
{
    /// <summary>Smallest or oldest first.</summary>
    Ascending,

    /// <summary>Largest or newest first.</summary>
    Descending,
}

/// <summary>One sort criterion of a query.</summary>
public sealed class NotionSort
{
    private readonly JsonObject _json;

    private NotionSort(JsonObject json) => _json = json;

    /// <summary>Sort by a property.</summary>
    /// <param name="property">The property name or id.</param>
    /// <param name="direction">The direction.</param>
    /// <returns>The sort.</returns>
    public static NotionSort ByProperty(string property, SortDirection direction = SortDirection.Ascending) =>
        new(new JsonObject { ["property"] = property, ["direction"] = Name(direction) });

    /// <summary>Sort by creation time (stable: never changes, good for windowed paging).</summary>
    /// <param name="direction">The direction.</param>
    /// <returns>The sort.</returns>
    public static NotionSort ByCreatedTime(SortDirection direction = SortDirection.Ascending) =>
        new(new JsonObject { ["timestamp"] = "created_time", ["direction"] = Name(direction) });

    /// <summary>Sort by last edit time.</summary>
    /// <param name="direction">The direction.</param>
    /// <returns>The sort.</returns>
    public static NotionSort ByLastEditedTime(SortDirection direction = SortDirection.Ascending) =>
        new(new JsonObject { ["timestamp"] = "last_edited_time", ["direction"] = Name(direction) });

    /// <summary>The request JSON.</summary>
    /// <returns>A fresh copy the caller may modify.</returns>
    public JsonObject ToJson() => (JsonObject)_json.DeepClone();

    private static string Name(SortDirection direction) =>
        direction == SortDirection.Descending ? "descending" : "ascending";
}

/// <summary>One page of query results.</summary>
/// <param name="Results">The pages.</param>
/// <param name="NextCursor">The cursor of the next page, or <see langword="null"/>.</param>
/// <param name="HasMore">Whether more results follow.</param>
/// <param name="Incomplete">Notion stopped at its per-query result limit (10,000): <see cref="HasMore"/> is
/// false yet results are missing; split the query (e.g. by <c>created_time</c> windows).</param>
/// <param name="RequestId">The request id.</param>
public sealed record QueryResultPage(IReadOnlyList<NotionPage> Results, string? NextCursor, bool HasMore, bool Incomplete, string? RequestId);
