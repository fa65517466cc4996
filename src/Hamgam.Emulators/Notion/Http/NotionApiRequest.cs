using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Hamgam.Emulators.Notion.Http;

/// <summary>One API request after the common checks: its version, path segments, body and a request id.</summary>
internal sealed class NotionApiRequest(HttpContext context, ApiVersion version, string requestId, string[] segments, JsonObject body)
{
    public HttpContext Context { get; } = context;

    public ApiVersion Version { get; } = version;

    public string RequestId { get; } = requestId;

    public string[] Segments { get; } = segments;

    public JsonObject Body { get; } = body;

    public string Method => Context.Request.Method;

    /// <summary>
    /// Reads the JSON body. Notion refuses a body over 500 KB (developers.notion.com/reference/request-limits) with
    /// 400 validation_error, and a far larger one with 413; the wording of that 400 and where 413 starts are not
    /// documented, so the message is ours and 413 starts at twice the limit.
    /// </summary>
    public static async Task<JsonObject> ReadBodyAsync(HttpContext context, int maxBytes)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method))
        {
            return [];
        }
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        if (bytes > 2L * maxBytes)
        {
            throw new NotionApiException(413, "payload_too_large", "Request entity too large.");
        }
        if (bytes > maxBytes)
        {
            throw NotionApiException.Validation(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"body failed validation: body size should be ≤ `{maxBytes}` bytes, instead was `{bytes}`."));
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw NotionApiException.InvalidJson();
        }
        return node as JsonObject ?? throw NotionApiException.Body("body", "an object", node?.ToJsonString() ?? "null");
    }

    /// <summary>Validates a path id the way Notion does (recording 23) and returns it dashed.</summary>
    public string PathId(int index, string name)
    {
        var raw = Uri.UnescapeDataString(Segments[index]);
        return NotionIds.Normalize(raw) ?? throw NotionApiException.Validation(
            $"path failed validation: path.{name} should be a valid uuid, instead was `\"{raw}\"`.");
    }

    public NotionResponse Ok(Action<System.Text.Json.Utf8JsonWriter> members) => new(200, NotionJson.Object(RequestId, members), RequestId);

    public IReadOnlySet<string>? FilterProperties()
    {
        var values = Context.Request.Query["filter_properties"];
        if (values.Count == 0)
        {
            return null;
        }
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                set.Add(value);
                set.Add(Uri.EscapeDataString(value));
            }
        }
        return set;
    }
}
