using System.Text.Json.Nodes;

namespace Hamgam.Notion;

/// <summary>Database containers (<c>/v1/databases</c>): discover their data sources, create new ones.</summary>
public sealed class DatabasesClient
{
    private readonly NotionTransport _transport;

    internal DatabasesClient(NotionTransport transport) => _transport = transport;

    /// <summary>Reads a database container with the list of its data sources.</summary>
    /// <param name="databaseId">The database id, with or without dashes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The database.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public Task<NotionDatabase> RetrieveAsync(string databaseId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Get, $"v1/databases/{NotionPaths.Id(databaseId)}", null,
            NotionJsonContext.Default.NotionDatabase, cancellationToken);

    /// <summary>Creates a database under a page, with one data source of the given schema. Not retried
    /// on 5xx or timeouts: on failure look for the database before creating it again.</summary>
    /// <param name="parentPageId">The parent page id.</param>
    /// <param name="title">The database title.</param>
    /// <param name="properties">The schema of the initial data source, keyed by property name; include one title property.</param>
    /// <param name="isInline">Create it inline in the page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The database; its <see cref="NotionDatabase.DataSources"/> holds the new data source.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public Task<NotionDatabase> CreateAsync(string parentPageId, string title, IReadOnlyDictionary<string, PropertySchemaInput> properties,
        bool isInline = false, CancellationToken cancellationToken = default)
    {
        var schema = new JsonObject();
        foreach (var (name, definition) in properties)
        {
            schema[name] = definition.ToJson();
        }

        var body = new JsonObject
        {
            ["parent"] = new JsonObject { ["type"] = "page_id", ["page_id"] = parentPageId },
            ["title"] = NotionClient.PlainTextArray(title),
            ["is_inline"] = isInline,
            ["initial_data_source"] = new JsonObject { ["properties"] = schema },
        };
        return _transport.SendAsync(HttpMethod.Post, "v1/databases", body, NotionJsonContext.Default.NotionDatabase, cancellationToken);
    }
}
