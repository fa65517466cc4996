using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Hamgam.Notion;

/// <summary>Data sources: schema and queries (<c>/v1/data_sources</c>).</summary>
public sealed class DataSourcesClient
{
    private readonly NotionTransport _transport;

    internal DataSourcesClient(NotionTransport transport) => _transport = transport;

    /// <summary>Reads a data source and its schema.</summary>
    /// <param name="dataSourceId">The data source id, with or without dashes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The data source.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public Task<NotionDataSource> RetrieveAsync(string dataSourceId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Get, $"v1/data_sources/{NotionPaths.Id(dataSourceId)}", null,
            NotionJsonContext.Default.NotionDataSource, cancellationToken);

    /// <summary>Changes a data source: adds, changes, renames or removes properties, renames it, or trashes it.</summary>
    /// <param name="dataSourceId">The data source id.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The data source after the change.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public Task<NotionDataSource> UpdateAsync(string dataSourceId, DataSourceUpdate update, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Patch, $"v1/data_sources/{NotionPaths.Id(dataSourceId)}", update.ToJson(),
            NotionJsonContext.Default.NotionDataSource, cancellationToken);

    /// <summary>Reads one page of query results.</summary>
    /// <param name="dataSourceId">The data source id.</param>
    /// <param name="query">Filter, sorts, page size and returned properties.</param>
    /// <param name="startCursor">The <see cref="QueryResultPage.NextCursor"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of results.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public async Task<QueryResultPage> QueryPageAsync(string dataSourceId, DataSourceQuery query, string? startCursor = null,
        CancellationToken cancellationToken = default)
    {
        var path = NotionPaths.WithQuery($"v1/data_sources/{NotionPaths.Id(dataSourceId)}/query",
            NotionPaths.FilterProperties(query.FilterProperties));
        var response = await _transport.SendAsync(HttpMethod.Post, path, query.ToJson(startCursor),
            NotionJsonContext.Default.QueryResponse, cancellationToken).ConfigureAwait(false);
        return new QueryResultPage(
            response.Results.Where(p => p.Object == "page").ToArray(),
            response.HasMore ? response.NextCursor : null,
            response.HasMore,
            response.RequestStatus?.Type == "incomplete",
            response.RequestId);
    }

    /// <summary>Streams every page matching the query, following <c>next_cursor</c> to the end.
    /// Notion stops one query at 10,000 results; use <see cref="QueryPageAsync"/> to see
    /// <see cref="QueryResultPage.Incomplete"/>, or split the query by <c>created_time</c>.</summary>
    /// <param name="dataSourceId">The data source id.</param>
    /// <param name="query">Filter, sorts, page size and returned properties; <see langword="null"/> for all pages.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The pages, in Notion's order.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public async IAsyncEnumerable<NotionPage> QueryAsync(string dataSourceId, DataSourceQuery? query = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new DataSourceQuery();
        string? cursor = null;
        do
        {
            var page = await QueryPageAsync(dataSourceId, query, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var result in page.Results)
            {
                yield return result;
            }

            cursor = page.HasMore ? page.NextCursor : null;
        }
        while (cursor is not null);
    }
}

/// <summary>Changes to a data source. Unset members are left alone.</summary>
public sealed record DataSourceUpdate
{
    /// <summary>A new title.</summary>
    public string? Title { get; init; }

    /// <summary>Properties to add or change, keyed by the current name or id; a <see langword="null"/> value removes the property.</summary>
    public IReadOnlyDictionary<string, PropertySchemaInput?> Properties { get; init; } = new Dictionary<string, PropertySchemaInput?>();

    /// <summary>Moves the data source to or out of the trash.</summary>
    public bool? InTrash { get; init; }

    internal JsonObject ToJson()
    {
        var body = new JsonObject();
        if (Title is not null)
        {
            body["title"] = NotionClient.PlainTextArray(Title);
        }

        if (Properties.Count > 0)
        {
            var properties = new JsonObject();
            foreach (var (name, schema) in Properties)
            {
                properties[name] = schema?.ToJson();
            }

            body["properties"] = properties;
        }

        if (InTrash is { } inTrash)
        {
            body["in_trash"] = inTrash;
        }

        return body;
    }
}
