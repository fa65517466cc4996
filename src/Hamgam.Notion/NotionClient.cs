using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Hamgam.Notion;

/// <summary>
/// The typed Notion client. Register it with <see cref="NotionServiceCollectionExtensions.AddNotionClient"/>,
/// which puts rate limiting, retries and timeouts in its HTTP pipeline; every call then goes through
/// the token's shared limiter at the priority set by <see cref="NotionPriority.Enter"/>.
/// </summary>
public sealed class NotionClient
{
    /// <summary>Creates a client over an <see cref="HttpClient"/> from the configured pipeline.</summary>
    /// <param name="httpClient">The HTTP client (its handlers do the limiting and retries).</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock, for <c>Retry-After</c> dates; the system clock when <see langword="null"/>.</param>
    public NotionClient(HttpClient httpClient, IOptions<NotionClientOptions> options, TimeProvider? timeProvider = null)
    {
        var transport = new NotionTransport(httpClient, options.Value, timeProvider ?? TimeProvider.System);
        DataSources = new DataSourcesClient(transport);
        Pages = new PagesClient(transport);
        Databases = new DatabasesClient(transport);
        Users = new UsersClient(transport);
        Search = new SearchClient(transport);
    }

    /// <summary>Data sources: schema and queries.</summary>
    public DataSourcesClient DataSources { get; }

    /// <summary>Pages: read, create, update, trash, property items.</summary>
    public PagesClient Pages { get; }

    /// <summary>Database containers.</summary>
    public DatabasesClient Databases { get; }

    /// <summary>Users.</summary>
    public UsersClient Users { get; }

    /// <summary>Search by title, and listing of the trash.</summary>
    public SearchClient Search { get; }

    internal static JsonArray PlainTextArray(string text) =>
        [new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = text } }];

    internal static JsonObject PropertiesJson(IReadOnlyDictionary<string, PropertyInput> properties)
    {
        var json = new JsonObject();
        foreach (var (name, value) in properties)
        {
            json[name] = value.ToJson();
        }

        return json;
    }
}
