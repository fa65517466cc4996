using System.Text.Json;

namespace Hamgam.Notion;

/// <summary>
/// The one exception of this library: Notion answered with an error, the answer was not Notion's
/// (e.g. an HTML page from the edge), or no answer came (timeout, network). Thrown after the HTTP
/// pipeline's retries are exhausted or when the failure is not retryable.
/// </summary>
public sealed class NotionApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status, or 0 when no response was received.</param>
    /// <param name="code">Notion's error code, or a client code (<c>timeout</c>, <c>network_error</c>, <c>non_json_response</c>).</param>
    /// <param name="message">The message.</param>
    /// <param name="requestId">The request id, if known.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, if any.</param>
    /// <param name="additionalData">Notion's <c>additional_data</c>, if any.</param>
    /// <param name="innerException">The cause.</param>
    public NotionApiException(int status, string code, string message, string? requestId = null,
        TimeSpan? retryAfter = null, JsonElement? additionalData = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Code = code;
        RequestId = requestId;
        RetryAfter = retryAfter;
        AdditionalData = additionalData;
    }

    /// <summary>The HTTP status, or 0 when no response was received.</summary>
    public int Status { get; }

    /// <summary>Notion's error code (<c>object_not_found</c>, <c>rate_limited</c>, ...) or a client code.</summary>
    public string Code { get; }

    /// <summary>The request id (<c>x-notion-request-id</c> or the body's <c>request_id</c>).</summary>
    public string? RequestId { get; }

    /// <summary>The server's <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Notion's <c>additional_data</c> object (e.g. <c>integration_id</c>, <c>rate_limit_reason</c>).</summary>
    public JsonElement? AdditionalData { get; }

    /// <summary>
    /// Whether trying again later may succeed (rate limits, conflicts, server errors, timeouts, and answers whose body
    /// could not be read, code <c>invalid_response</c>).
    /// </summary>
    public bool IsTransient => Status is 0 or 409 or 429 or 529 or >= 500 || Code == "invalid_response";

    /// <summary>Whether the object does not exist or is not shared with the integration.</summary>
    public bool IsNotFound => Status == 404;
}
