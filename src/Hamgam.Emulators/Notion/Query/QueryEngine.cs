using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion.Query;

internal sealed record QueryPage(IReadOnlyList<NotionPage> Results, string? NextCursor, bool HasMore, bool Incomplete);

/// <summary>
/// Runs data source queries. The filtered, sorted result of one query is cached until the data source changes,
/// so following the cursor through 100,000 rows costs one sort, not one per page.
/// </summary>
internal sealed class QueryEngine(ComputedValues computed, Func<string, NotionPage?> findPage)
{
    private const int CacheSize = 8;
    private readonly LinkedList<CachedResult> _cache = new();

    /// <param name="flagFirstPage">Set request_status.incomplete on the first page of a capped query instead of the
    /// last: Notion may set it on any page, so a client must treat it as sticky.</param>
    public QueryPage Run(NotionDataSource dataSource, JsonObject body, DateTimeOffset now, int cap, bool flagFirstPage = false)
    {
        var pageSize = PageSize(body["page_size"]);
        var cursor = body["start_cursor"] is JsonValue c && c.TryGetValue<string>(out var s) ? s : null;
        if (body["start_cursor"] is { } rawCursor && cursor is null)
        {
            throw NotionApiException.Body("body.start_cursor", "a string", rawCursor.ToJsonString());
        }
        var result = Ordered(dataSource, body["filter"], body["sorts"], now);
        var visible = Math.Min(result.Pages.Count, cap);
        var start = cursor is null ? 0 : Locate(result, cursor);
        start = Math.Min(start, visible);
        var end = Math.Min(start + pageSize, visible);
        var hasMore = end < visible;
        var slice = result.Pages.GetRange(start, end - start);
        var next = hasMore ? Cursor(dataSource, result.Pages[end]) : null;
        return new QueryPage(slice, next, hasMore, Incomplete: result.Pages.Count > cap && (flagFirstPage ? start == 0 : end == visible));
    }

    public static string Cursor(NotionDataSource dataSource, NotionPage page) => $"s:{dataSource.Id}:{page.Id}";

    internal static int PageSize(JsonNode? node)
    {
        if (node is null)
        {
            return 100;
        }
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<int>(out var size))
        {
            throw NotionApiException.Body("body.page_size", "a number", node.ToJsonString());
        }
        return size switch
        {
            < 1 => throw NotionApiException.Validation(string.Create(CultureInfo.InvariantCulture, $"body failed validation: body.page_size should be ≥ `1`, instead was `{size}`.")),
            > 100 => throw NotionApiException.Validation(string.Create(CultureInfo.InvariantCulture, $"body failed validation: body.page_size should be ≤ `100`, instead was `{size}`.")),
            _ => size,
        };
    }

    private CachedResult Ordered(NotionDataSource dataSource, JsonNode? filter, JsonNode? sorts, DateTimeOffset now)
    {
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{dataSource.Id}|{dataSource.Version}|{NotionTime.FloorToMinute(now).UtcTicks}|{filter?.ToJsonString()}|{sorts?.ToJsonString()}");
        for (var node = _cache.First; node is not null; node = node.Next)
        {
            if (node.Value.Key == key)
            {
                _cache.Remove(node);
                _cache.AddFirst(node);
                return node.Value;
            }
        }
        var reader = new PageValueReader(dataSource, computed);
        var predicate = new FilterCompiler(dataSource, reader, now).Compile(filter);
        var comparison = new SortCompiler(dataSource, reader).Compile(sorts);
        var pages = new List<NotionPage>(dataSource.Pages.Count);
        foreach (var page in dataSource.Pages)
        {
            if (!page.InTrash && predicate(page))
            {
                pages.Add(page);
            }
        }
        if (sorts is JsonArray { Count: > 0 })
        {
            pages.Sort(comparison);
        }
        else
        {
            pages.Reverse();
        }
        var result = new CachedResult(key, pages, comparison);
        _cache.AddFirst(result);
        if (_cache.Count > CacheSize)
        {
            _cache.RemoveLast();
        }
        return result;
    }

    private int Locate(CachedResult result, string cursor)
    {
        var parts = cursor.Split(':');
        var pageId = parts.Length == 3 && parts[0] == "s" ? NotionIds.Normalize(parts[2]) : null;
        if (pageId is null)
        {
            throw NotionApiException.Validation($"The start_cursor provided is invalid: {cursor}");
        }
        if (result.Index.TryGetValue(pageId, out var index))
        {
            return index;
        }
        // The page the cursor points at left this result (edited or trashed): resume where it would sort.
        var page = findPage(pageId) ?? throw NotionApiException.Validation($"The start_cursor provided is invalid: {cursor}");
        var position = result.Pages.BinarySearch(page, Comparer<NotionPage>.Create(result.Comparison));
        return position >= 0 ? position : ~position;
    }

    private sealed class CachedResult(string key, List<NotionPage> pages, Comparison<NotionPage> comparison)
    {
        private Dictionary<string, int>? _index;

        public string Key { get; } = key;

        public List<NotionPage> Pages { get; } = pages;

        public Comparison<NotionPage> Comparison { get; } = comparison;

        public Dictionary<string, int> Index => _index ??= Pages.Select((p, i) => (p.Id, i)).ToDictionary(t => t.Id, t => t.i);
    }
}
