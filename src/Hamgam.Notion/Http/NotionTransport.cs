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

    public async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, JsonNode? body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(method, pathAndQuery, body);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("The body was JSON null.");
            }
            catch (JsonException ex)
            {
                throw new NotionApiException((int)response.StatusCode, "invalid_response",
                    $"Notion answered {method} {request.RequestUri?.AbsolutePath} with a body this client cannot read: {ex.Message}",
                    RequestId(response), innerException: ex);
            }
        }
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
