using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hamgam.Sheets.Http;

/// <summary>Sends one API call and maps failures to <see cref="SheetsApiException"/>; retries happen below, in the handler pipeline.</summary>
internal sealed class SheetsHttp(HttpClient http, TimeProvider clock)
{
    /// <summary>The request option that keeps 5xx and network failures from being retried (for non-idempotent calls).</summary>
    public static readonly HttpRequestOptionsKey<bool> NotIdempotent = new("Hamgam.Sheets.NotIdempotent");

    public async Task<TResponse> SendAsync<TBody, TResponse>(
        HttpMethod method,
        string path,
        TBody? body,
        JsonTypeInfo<TBody>? bodyType,
        JsonTypeInfo<TResponse> responseType,
        bool idempotent,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null && bodyType is not null)
        {
            // Bytes rather than a stream, so the retry and auth handlers can send the request again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        request.Options.Set(NotIdempotent, !idempotent);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw SheetsErrorMapper.Map((int)response.StatusCode, text, response.Headers.RetryAfter, clock.GetUtcNow());
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false)
                ?? throw new SheetsApiException((int)response.StatusCode, null, "The Sheets API answered with an empty body.");
        }
    }

    public Task<TResponse> GetAsync<TResponse>(string path, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        SendAsync<EmptyBody, TResponse>(HttpMethod.Get, path, null, null, responseType, true, cancellationToken);

    /// <summary>A path segment: the spreadsheet id or an A1 range, percent-encoded.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
