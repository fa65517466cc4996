using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Tests.Notion;

/// <summary>
/// Compares a recorded response with the emulator's: the same keys in the same order (property maps aside),
/// the same JSON value kinds, the same omissions, array lengths, and equal discriminators and flags.
/// Ids, timestamps, names and other free values are not compared.
/// </summary>
internal static class StructureComparer
{
    private static readonly HashSet<string> ExactStrings = ["object", "type", "code", "color", "function", "format", "time_zone"];

    public static List<string> Compare(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", parentKey: null, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, string? parentKey, List<string> differences)
    {
        var expectedKind = Kind(expected);
        var actualKind = Kind(actual);
        if (expectedKind != actualKind)
        {
            differences.Add($"{path}: expected {expectedKind}, got {actualKind} ({Short(actual)})");
            return;
        }
        switch (expected)
        {
            case JsonObject e:
                CompareObjects(e, (JsonObject)actual!, path, parentKey, differences);
                break;
            case JsonArray e:
                var a = (JsonArray)actual!;
                if (e.Count != a.Count)
                {
                    differences.Add($"{path}: expected {e.Count} elements, got {a.Count}");
                }
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    Compare(e[i], a[i], $"{path}[{i}]", parentKey, differences);
                }
                break;
            case JsonValue e when expectedKind is JsonValueKind.True or JsonValueKind.False:
                if (parentKey is not null && e.GetValue<bool>() != actual!.GetValue<bool>())
                {
                    differences.Add($"{path}: expected {e.ToJsonString()}, got {actual.ToJsonString()}");
                }
                break;
            case JsonValue e when expectedKind == JsonValueKind.String && ExactStrings.Contains(LastKey(path)):
                if (e.GetValue<string>() != actual!.GetValue<string>())
                {
                    differences.Add($"{path}: expected {e.ToJsonString()}, got {actual.ToJsonString()}");
                }
                break;
        }
    }

    private static void CompareObjects(JsonObject expected, JsonObject actual, string path, string? parentKey, List<string> differences)
    {
        var expectedKeys = expected.Select(kv => kv.Key).ToList();
        var actualKeys = actual.Select(kv => kv.Key).ToList();
        var isPropertyMap = parentKey == "properties";
        if (isPropertyMap ? !expectedKeys.ToHashSet().SetEquals(actualKeys) : !expectedKeys.SequenceEqual(actualKeys))
        {
            differences.Add($"{path}: keys differ. expected [{string.Join(",", expectedKeys)}], got [{string.Join(",", actualKeys)}]");
        }
        foreach (var key in expectedKeys.Where(actual.ContainsKey))
        {
            Compare(expected[key], actual[key], $"{path}.{key}", key, differences);
        }
    }

    private static string LastKey(string path) => path[(path.LastIndexOf('.') + 1)..].Split('[')[0];

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
