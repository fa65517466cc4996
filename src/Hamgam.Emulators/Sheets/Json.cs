using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>Small, forgiving readers over request JSON (absent and null read the same, as in proto3).</summary>
internal static class Json
{
    public static JsonElement? Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static string? String(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static int? Int(JsonElement element, string name) => Get(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetInt32(),
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), out var parsed) => parsed,
        null => null,
        { } other => throw SheetsError.InvalidArgument($"Invalid value at '{name}' (TYPE_INT32), {other.GetRawText()}"),
    };

    public static bool? Bool(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public static JsonNode? Node(JsonElement? element) =>
        element is { } e ? JsonNode.Parse(e.GetRawText()) : null;

    /// <summary>Drops zero, false, null and empty values, as Google's proto3 JSON output does.</summary>
    public static JsonObject Proto3(JsonObject source)
    {
        var result = new JsonObject();
        foreach (var (name, value) in source)
        {
            var kept = value switch
            {
                null => null,
                JsonObject obj => Proto3(obj),
                JsonArray { Count: 0 } => null,
                JsonArray array => array.DeepClone(),
                JsonValue v when v.GetValueKind() is JsonValueKind.False or JsonValueKind.Null => null,
                JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.GetValue<double>() == 0 => null,
                JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0 => null,
                _ => value.DeepClone(),
            };
            if (kept is not null)
            {
                result[name] = kept;
            }
        }

        return result;
    }
}
