using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Notion;

/// <summary>Pages: read, create, update, trash (<c>/v1/pages</c>).</summary>
public sealed class PagesClient
{
    private readonly NotionTransport _transport;

    internal PagesClient(NotionTransport transport) => _transport = transport;

    /// <summary>Reads a page with its property values (relations truncated at 25, see <see cref="RelationValue.HasMore"/>).</summary>
    /// <param name="pageId">The page id, with or without dashes.</param>
    /// <param name="filterProperties">Return only these properties (names or ids); all when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed (404 when missing or not shared).</exception>
    public Task<NotionPage> RetrieveAsync(string pageId, IEnumerable<string>? filterProperties = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Get,
            NotionPaths.WithQuery($"v1/pages/{NotionPaths.Id(pageId)}", NotionPaths.FilterProperties(filterProperties)),
            null, NotionJsonContext.Default.NotionPage, cancellationToken);

    /// <summary>Creates a page. Not retried on 5xx or timeouts (only on 429/529): the page may have been
    /// created anyway, so on failure the caller should look for it before creating again.</summary>
    /// <param name="request">The parent and the property values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created page.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public Task<NotionPage> CreateAsync(CreatePageRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Post, "v1/pages", request.ToJson(), NotionJsonContext.Default.NotionPage, cancellationToken);

    /// <summary>Updates a page: only the given properties change; can trash or restore it.</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page after the change.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public Task<NotionPage> UpdateAsync(string pageId, UpdatePageRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Patch, $"v1/pages/{NotionPaths.Id(pageId)}", request.ToJson(),
            NotionJsonContext.Default.NotionPage, cancellationToken);

    /// <summary>Moves a page under another parent: a data source (it becomes a row there; values of properties the new
    /// data source lacks are dropped) or a page. Repeating a move is harmless, so it is retried like a read.</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="parent">The new parent: <see cref="PageParent.DataSource"/> or <see cref="PageParent.Page"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page after the move.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed (400 when the page is in the trash).</exception>
    public Task<NotionPage> MoveAsync(string pageId, PageParent parent, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Post, $"v1/pages/{NotionPaths.Id(pageId)}/move", new JsonObject { ["parent"] = parent.ToJson() },
            NotionJsonContext.Default.NotionPage, cancellationToken);

    /// <summary>Streams the items of one property of a page, following <c>next_cursor</c>: every relation
    /// entry (not just the first 25), every rich text segment or person. Non-list properties yield one item.</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="propertyId">The property id (as in <see cref="PropertyValue.Id"/>).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public async IAsyncEnumerable<PropertyItem> GetPropertyItemsAsync(string pageId, string propertyId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var path = $"v1/pages/{NotionPaths.Id(pageId)}/properties/{NotionPaths.PropertyId(propertyId)}";
        string? cursor = null;
        do
        {
            var query = new List<KeyValuePair<string, string>> { KeyValuePair.Create("page_size", "100") };
            if (cursor is not null)
            {
                query.Add(KeyValuePair.Create("start_cursor", cursor));
            }

            var response = await _transport.SendAsync(HttpMethod.Get, NotionPaths.WithQuery(path, query), null,
                NotionJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
            if (PropertyValueReader.GetString(response, "object") != "list")
            {
                yield return PropertyItem.FromJson(response);
                yield break;
            }

            foreach (var item in response.GetProperty("results").EnumerateArray())
            {
                yield return PropertyItem.FromJson(item);
            }

            cursor = response.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True
                ? PropertyValueReader.GetString(response, "next_cursor")
                : null;
        }
        while (cursor is not null);
    }

    /// <summary>Streams every related page id of a relation property (beyond the 25 in the page object).</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="propertyId">The relation property id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The related page ids.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public async IAsyncEnumerable<string> GetRelationIdsAsync(string pageId, string propertyId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in GetPropertyItemsAsync(pageId, propertyId, cancellationToken).ConfigureAwait(false))
        {
            if (item.RelationPageId is { } id)
            {
                yield return id;
            }
        }
    }
}

/// <summary>Where a page is moved to.</summary>
public sealed record PageParent
{
    private PageParent(string type, string id)
    {
        Type = type;
        Id = id;
    }

    /// <summary><c>data_source_id</c> or <c>page_id</c>.</summary>
    public string Type { get; }

    /// <summary>The parent's id.</summary>
    public string Id { get; }

    /// <summary>A data source: the page becomes one of its rows.</summary>
    /// <param name="dataSourceId">The data source id.</param>
    /// <returns>The parent.</returns>
    public static PageParent DataSource(string dataSourceId) => new("data_source_id", dataSourceId);

    /// <summary>A page: the page becomes its sub-page.</summary>
    /// <param name="pageId">The page id.</param>
    /// <returns>The parent.</returns>
    public static PageParent Page(string pageId) => new("page_id", pageId);

    internal JsonObject ToJson() => new() { ["type"] = Type, [Type] = Id };
}

/// <summary>A page to create: a parent (a data source, or a page) and property values.</summary>
public sealed record CreatePageRequest
{
    /// <summary>Creates a row in a data source.</summary>
    /// <param name="dataSourceId">The data source id.</param>
    /// <param name="properties">The values keyed by property name or id.</param>
    /// <returns>The request.</returns>
    public static CreatePageRequest InDataSource(string dataSourceId, IReadOnlyDictionary<string, PropertyInput> properties) =>
        new() { DataSourceId = dataSourceId, Properties = properties };

    /// <summary>The parent data source id.</summary>
    public string? DataSourceId { get; init; }

    /// <summary>The parent page id, for a standalone page (then only a title property is allowed).</summary>
    public string? ParentPageId { get; init; }

    /// <summary>The values keyed by property name or id.</summary>
    public IReadOnlyDictionary<string, PropertyInput> Properties { get; init; } = new Dictionary<string, PropertyInput>();

    internal JsonObject ToJson()
    {
        if ((DataSourceId is null) == (ParentPageId is null))
        {
            throw new ArgumentException("Set exactly one of DataSourceId and ParentPageId.");
        }

        var parent = DataSourceId is not null
            ? new JsonObject { ["type"] = "data_source_id", ["data_source_id"] = DataSourceId }
            : new JsonObject { ["type"] = "page_id", ["page_id"] = ParentPageId };
        return new JsonObject { ["parent"] = parent, ["properties"] = NotionClient.PropertiesJson(Properties) };
    }
}

/// <summary>Changes to a page. Unset members are left alone.</summary>
public sealed record UpdatePageRequest
{
    /// <summary>The values to set, keyed by property name or id; other properties keep their values.</summary>
    public IReadOnlyDictionary<string, PropertyInput> Properties { get; init; } = new Dictionary<string, PropertyInput>();

    /// <summary><see langword="true"/> moves the page to the trash, <see langword="false"/> restores it.</summary>
    public bool? InTrash { get; init; }

    /// <summary>Locks or unlocks the page.</summary>
    public bool? IsLocked { get; init; }

    internal JsonObject ToJson()
    {
        var body = new JsonObject();
        if (Properties.Count > 0)
        {
            body["properties"] = NotionClient.PropertiesJson(Properties);
        }

        if (InTrash is { } inTrash)
        {
            body["in_trash"] = inTrash;
        }

        if (IsLocked is { } isLocked)
        {
            body["is_locked"] = isLocked;
        }

        return body;
    }
}
