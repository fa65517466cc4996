using System.Net.Http.Headers;
using System.Text.Json;

namespace Hamgam.Sheets;

/// <summary>Turns an error answer into a <see cref="SheetsApiException"/>; the one place Google's error envelope is read.</summary>
public static class SheetsErrorMapper
{
    /// <summary>Maps a status, body and optional Retry-After header; bodies that are not Google's JSON (a 502 page) keep the status only.</summary>
    public static SheetsApiException Map(int status, string? body, RetryConditionHeaderValue? retryAfter = null, DateTimeOffset? now = null)
    {
        var wait = RetryAfterOf(retryAfter, now);
        try
        {
            using var document = JsonDocument.Parse(body ?? string.Empty);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                return FromEnvelope(status, error, wait);
            }
        }
        catch (JsonException)
        {
        }

        return new SheetsApiException(status, null, $"The Sheets API answered HTTP {status} without Google's error body.", wait);
    }

    private static SheetsApiException FromEnvelope(int status, JsonElement error, TimeSpan? wait)
    {
        var message = String(error, "message") ?? $"HTTP {status}";
        string? reason = null;
        string? quotaLimit = null;
        var violations = new List<SheetsFieldViolation>();
        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (var detail in details.EnumerateArray())
            {
                switch (String(detail, "@type"))
                {
                    case "type.googleapis.com/google.rpc.ErrorInfo":
                        reason = String(detail, "reason");
                        quotaLimit = detail.TryGetProperty("metadata", out var metadata) ? String(metadata, "quota_limit") : null;
                        break;
                    case "type.googleapis.com/google.rpc.BadRequest" when detail.TryGetProperty("fieldViolations", out var list) && list.ValueKind == JsonValueKind.Array:
                        violations.AddRange(list.EnumerateArray().Select(v => new SheetsFieldViolation(String(v, "field") ?? string.Empty, String(v, "description") ?? string.Empty)));
                        break;
                }
            }
        }

        return new SheetsApiException(status, String(error, "status"), message, wait, reason, quotaLimit, violations);
    }

    private static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header, DateTimeOffset? now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when now is { } current => date - current > TimeSpan.Zero ? date - current : TimeSpan.Zero,
        _ => null,
    };

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
