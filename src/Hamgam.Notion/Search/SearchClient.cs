using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Hamgam.Notion;

/// <summary>Search by title across everything shared with the integration (<c>POST /v1/search</c>).</summary>
public sealed class SearchClient
{
    private readonly NotionTransport _transport;

    internal SearchClient(NotionTransport transport) => _transport = transport;

    /// <summary>Reads one page of search results.</summary>
    /// <param name="request">Title text, object kind, trash, sort and page size.</param>
    /// <param name="startCursor">The <see cref="SearchResultPage.NextCursor"/> of the previous page, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of results.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed (400 <c>validation_error</c> for an unsupported filter or sort).</exception>
    public async Task<SearchResultPage> SearchPageAsync(SearchRequest request, string? startCursor = null, CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendAsync(HttpMethod.Post, "v1/search", request.ToJson(startCursor),
            NotionJsonContext.Default.SearchResponse, cancellationToken).ConfigureAwait(false);
        return new SearchResultPage(
            response.Results.Select(Read).ToArray(),
            response.HasMore ? response.NextCursor : null,
            response.HasMore,
            response.RequestId);
    }

    /// <summary>Streams every search result, following <c>next_cursor</c> to the end. Stop early (break) to read
    /// only as far back as needed: results come one request (up to 100) at a time.</summary>
    /// <param name="request">Title text, object kind, trash, sort and page size; <see langword="null"/> for everything.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The results, in the requested order.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public async IAsyncEnumerable<SearchResult> SearchAsync(SearchRequest? request = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        request ??= new SearchRequest();
        string? cursor = null;
        do
        {
            var page = await SearchPageAsync(request, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var result in page.Results)
            {
                yield return result;
            }

            cursor = page.HasMore ? page.NextCursor : null;
        }
        while (cursor is not null);
    }

    private static SearchResult Read(JsonElement element)
    {
        var kind = element.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : string.Empty;
        try
        {
            return kind switch
            {
                "page" => new SearchResult(kind, element.Deserialize(NotionJsonContext.Default.NotionPage), null),
                "data_source" => new SearchResult(kind, null, element.Deserialize(NotionJsonContext.Default.NotionDataSource)),
                _ => new SearchResult(kind, null, null),
            };
        }
        catch (JsonException ex)
        {
            throw new NotionApiException(200, NotionTransport.InvalidResponse, $"A search result this client cannot read: {ex.Message}", null, innerException: ex);
        }
    }
}
