using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Polly.Timeout;

namespace Hamgam.Notion;

/// <summary>Builds requests (headers, body, priority), sends them through the pipeline, and maps failures.</summary>
internal sealed class NotionTransport(HttpClient http, NotionClientOptions options, TimeProvider time)
{
    private static readonly JsonSerializerOptions BodyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The client code of an answer whose body cannot be read (truncated, garbled, or not the expected object).</summary>
    public const string InvalidResponse = "invalid_response";

    public async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, JsonNode? body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        try
        {
            return await SendOnceAsync(method, pathAndQuery, body, typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (NotionApiException ex) when (ex.Code == InvalidResponse && IsRead(method, pathAndQuery))
        {
            // A read is safe to repeat, and a body cut off in transit is usually whole the second time.
            return await SendOnceAsync(method, pathAndQuery, body, typeInfo, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<T> SendOnceAsync<T>(HttpMethod method, string pathAndQuery, JsonNode? body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(method, pathAndQuery, body);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("The body was JSON null.");
            }
        }
        catch (JsonException ex)
        {
            throw new NotionApiException((int)response.StatusCode, InvalidResponse,
                $"Notion answered {method} {request.RequestUri?.AbsolutePath} with a body this client cannot read: {ex.Message}",
                RequestId(response), innerException: ex);
        }
        catch (IOException ex)
        {
            // The connection broke while the body was read: as transient as a connection that broke before it.
            throw NotionErrorMapper.FromTransportFailure(ex, timedOut: false);
        }
    }

    private static bool IsRead(HttpMethod method, string pathAndQuery) =>
        method == HttpMethod.Get || (method == HttpMethod.Post && IsRepeatablePost(pathAndQuery));

    /// <summary>POSTs that change nothing (a query, a search) or end the same however often they are sent (a move).</summary>
    internal static bool IsRepeatablePost(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0].TrimEnd('/');
        return path.EndsWith("/query", StringComparison.Ordinal) || path.EndsWith("/search", StringComparison.Ordinal)
            || path.EndsWith("/move", StringComparison.Ordinal);
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseUrl(), pathAndQuery));
        if (!string.IsNullOrEmpty(options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        }

        request.Headers.Add("Notion-Version", options.Version);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(NotionPriority.OptionKey, NotionPriority.Current);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(BodyOptions), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            throw NotionErrorMapper.FromTransportFailure(ex, timedOut: true);
        }
        catch (HttpRequestException ex)
        {
            throw NotionErrorMapper.FromTransportFailure(ex, timedOut: false);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await NotionErrorMapper.FromResponseAsync(response, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private Uri BaseUrl()
    {
        var text = options.BaseUrl.ToString();
        return text.EndsWith('/') ? options.BaseUrl : new Uri(text + "/");
    }

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-notion-request-id", out var values) ? values.FirstOrDefault() : null;
}

/// <summary>Path and query building with Notion's id rules.</summary>
internal static class NotionPaths
{
    public static string Id(string id) => Uri.EscapeDataString(id);

    /// <summary>Property ids arrive URL-encoded (<c>%3Fbp~</c>); decode first so they are not encoded twice.</summary>
    public static string PropertyId(string id) => Uri.EscapeDataString(Uri.UnescapeDataString(id));

    public static string WithQuery(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var parts = query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}").ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    public static IEnumerable<KeyValuePair<string, string>> FilterProperties(IEnumerable<string>? properties) =>
        (properties ?? []).Select(p => KeyValuePair.Create("filter_properties", Uri.UnescapeDataString(p)));
}
