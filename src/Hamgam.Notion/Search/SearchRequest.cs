using System.Text.Json.Nodes;

namespace Hamgam.Notion;

/// <summary>Which kind of object a search returns.</summary>
public enum SearchObjectKind
{
    /// <summary>Pages and data sources.</summary>
    Any,

    /// <summary>Only pages.</summary>
    Page,

    /// <summary>Only data sources.</summary>
    DataSource,
}

/// <summary>
/// What to ask of <c>POST /v1/search</c>. Search matches titles only, lags behind edits (Notion indexes
/// asynchronously) and is not guaranteed complete: use it to notice changes early, never as the only listing.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>Text the title must contain; every shared object when <see langword="null"/> or empty.</summary>
    public string? Query { get; init; }

    /// <summary>Only pages, only data sources, or both.</summary>
    public SearchObjectKind ObjectKind { get; init; } = SearchObjectKind.Any;

    /// <summary><see langword="true"/>: only objects in the trash; otherwise the trash is left out.</summary>
    public bool InTrash { get; init; }

    /// <summary>The order by last edit time: <see cref="SortDirection.Descending"/> (newest first) or ascending;
    /// Notion's relevance order when <see langword="null"/>.</summary>
    public SortDirection? LastEditedTimeSort { get; init; }

    /// <summary>Results per request, 1–100 (Notion's default 100 when <see langword="null"/>).</summary>
    public int? PageSize { get; init; }

    /// <summary>Trashed pages, newest first: what a poller reads to notice pages moved to the trash.</summary>
    /// <param name="pageSize">Results per request.</param>
    /// <returns>The request.</returns>
    public static SearchRequest TrashedPagesNewestFirst(int pageSize = 100) => new()
    {
        ObjectKind = SearchObjectKind.Page,
        InTrash = true,
        LastEditedTimeSort = SortDirection.Descending,
        PageSize = pageSize,
    };

    internal JsonObject ToJson(string? startCursor)
    {
        var body = new JsonObject();
        if (!string.IsNullOrEmpty(Query))
        {
            body["query"] = Query;
        }

        if (Filter() is { } filter)
        {
            body["filter"] = filter;
        }

        if (LastEditedTimeSort is { } direction)
        {
            body["sort"] = new JsonObject
            {
                ["timestamp"] = "last_edited_time",
                ["direction"] = direction == SortDirection.Descending ? "descending" : "ascending",
            };
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

    private JsonObject? Filter()
    {
        var value = ObjectKind switch
        {
            SearchObjectKind.Page => "page",
            SearchObjectKind.DataSource => "data_source",
            _ => null,
        };
        if (value is null)
        {
            return InTrash ? new JsonObject { ["in_trash"] = true } : null;
        }

        var filter = new JsonObject { ["property"] = "object", ["value"] = value };
        if (InTrash)
        {
            filter["in_trash"] = true;
        }

        return filter;
    }
}

/// <summary>One search result: a page or a data source (other kinds Notion may add are kept by <see cref="Object"/> only).</summary>
/// <param name="Object">The object kind: <c>page</c>, <c>data_source</c>, or a newer one.</param>
/// <param name="Page">The page, when <see cref="Object"/> is <c>page</c>.</param>
/// <param name="DataSource">The data source, when <see cref="Object"/> is <c>data_source</c>.</param>
public sealed record SearchResult(string Object, NotionPage? Page, NotionDataSource? DataSource)
{
    /// <summary>The object's id.</summary>
    public string Id => Page?.Id ?? DataSource?.Id ?? string.Empty;
}

/// <summary>One page of search results.</summary>
/// <param name="Results">The results, in the requested order.</param>
/// <param name="NextCursor">The cursor of the next page, or <see langword="null"/>.</param>
/// <param name="HasMore">Whether more results follow.</param>
/// <param name="RequestId">The request id.</param>
public sealed record SearchResultPage(IReadOnlyList<SearchResult> Results, string? NextCursor, bool HasMore, string? RequestId);
