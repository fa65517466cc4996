using System.Net.Http.Headers;
using System.Text.Json;

namespace Hamgam.Notion;

/// <summary>The one place where failed responses become <see cref="NotionApiException"/>.</summary>
internal static class NotionErrorMapper
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task<NotionApiException> FromResponseAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var headerRequestId = Header(response.Headers, "x-notion-request-id");
        var retryAfter = RetryAfter.From(response, time);
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var error = TryParse(body);
        if (error is not null)
        {
            return new NotionApiException(
                status,
                error.Code ?? $"http_{status}",
                error.Message ?? $"Notion returned HTTP {status}.",
                headerRequestId ?? error.RequestId,
                retryAfter,
                error.AdditionalData is { ValueKind: JsonValueKind.Object } data ? data : null);
        }

        var origin = headerRequestId is null && Header(response.Headers, "cf-ray") is not null
            ? " The answer came from the Cloudflare edge, not from the Notion API."
            : string.Empty;
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        return new NotionApiException(
            status,
            "non_json_response",
            $"Notion returned HTTP {status} ({response.ReasonPhrase}) with a body that is not a Notion error ({contentType}).{origin}",
            headerRequestId,
            retryAfter);
    }

    public static NotionApiException FromTransportFailure(Exception exception, bool timedOut) =>
        timedOut
            ? new NotionApiException(0, "timeout", "No answer from Notion within the attempt timeout.", innerException: exception)
            : new NotionApiException(0, "network_error", $"Could not reach Notion: {exception.Message}", innerException: exception);

    private static NotionErrorBody? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, NotionJsonContext.Default.NotionErrorBody);
            return error is { Object: "error" } || error?.Code is not null ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while (buffer.Length < MaxErrorBodyBytes &&
                (read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
