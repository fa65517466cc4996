using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hamgam.Testing;

namespace Hamgam.Emulators.Tests.Notion;

/// <summary>Turns recorded responses into the requests that recreate equivalent data in the emulator.</summary>
internal static partial class RecordedData
{
    private static readonly HashSet<string> ReadOnly =
        ["formula", "rollup", "created_time", "created_by", "last_edited_time", "last_edited_by", "unique_id", "button", "verification"];

    public static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.NotionConformance, file)))!.AsObject();

    public static JsonArray Manifest() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.NotionConformance, "manifest.json")))!.AsArray();

    public static JsonObject ManifestEntry(string file) =>
        Manifest().Select(n => n!.AsObject()).Single(e => e["file"]!.GetValue<string>() == file);

    /// <summary>A recorded data source schema as creation config; formula references become prop("Name").</summary>
    public static JsonObject SchemaFromDataSource(JsonObject dataSource)
    {
        var properties = dataSource["properties"]!.AsObject();
        var names = properties.ToDictionary(kv => kv.Value!["id"]!.GetValue<string>(), kv => kv.Key);
        var result = new JsonObject();
        foreach (var (name, node) in properties)
        {
            var type = node!["type"]!.GetValue<string>();
            if (type is "relation" or "rollup")
            {
                continue;
            }
            var config = node[type]!.DeepClone().AsObject();
            if (type == "formula")
            {
                config["expression"] = InternalReference().Replace(config["expression"]!.GetValue<string>(),
                    m => $"prop(\"{names[m.Groups[1].Value]}\")");
            }
            result[name] = new JsonObject { ["type"] = type, [type] = config };
        }
        return result;
    }

    /// <summary>A schema that can hold the values of a recorded page (relations point at <paramref name="relationTarget"/>).</summary>
    public static JsonObject SchemaFromPage(JsonObject page, string relationTarget)
    {
        var result = new JsonObject();
        var rollups = new List<string>();
        foreach (var (name, node) in page["properties"]!.AsObject())
        {
            var type = node!["type"]!.GetValue<string>();
            JsonObject config = type switch
            {
                "select" or "status" => Options(node[type] is JsonObject o ? [o] : []),
                "multi_select" => Options(node[type]!.AsArray().Select(n => n!.AsObject())),
                "relation" => new JsonObject { ["data_source_id"] = relationTarget, ["type"] = "single_property", ["single_property"] = new JsonObject() },
                "formula" => new JsonObject { ["expression"] = node["formula"]!["type"]!.GetValue<string>() == "number" ? "1" : "\"\"" },
                "unique_id" => new JsonObject { ["prefix"] = node["unique_id"]!["prefix"]?.DeepClone() },
                _ => [],
            };
            if (type == "rollup")
            {
                rollups.Add(name);
                continue;
            }
            result[name] = new JsonObject { ["type"] = type, [type] = config };
        }
        var relationName = result.FirstOrDefault(kv => kv.Value!["type"]!.GetValue<string>() == "relation").Key;
        foreach (var name in rollups)
        {
            result[name] = new JsonObject
            {
                ["type"] = "rollup",
                ["rollup"] = new JsonObject { ["relation_property_name"] = relationName, ["rollup_property_name"] = "title", ["function"] = "count" },
            };
        }
        return result;
    }

    /// <summary>The writable values of a recorded page as request properties; ids are mapped through <paramref name="map"/>.</summary>
    public static JsonObject RequestFromPage(JsonObject page, Func<string, string> mapUser, Func<string, string> mapPage)
    {
        var result = new JsonObject();
        foreach (var (name, node) in page["properties"]!.AsObject())
        {
            var type = node!["type"]!.GetValue<string>();
            if (ReadOnly.Contains(type))
            {
                continue;
            }
            var value = node[type]?.DeepClone();
            value = type switch
            {
                "title" or "rich_text" => MapMentions(value!.AsArray(), mapUser),
                "people" => new JsonArray(value!.AsArray().Select(u => (JsonNode)new JsonObject { ["id"] = mapUser(u!["id"]!.GetValue<string>()) }).ToArray()),
                "relation" => new JsonArray(value!.AsArray().Select(r => (JsonNode)new JsonObject { ["id"] = mapPage(r!["id"]!.GetValue<string>()) }).ToArray()),
                "select" or "status" => value is null ? null : new JsonObject { ["name"] = value["name"]!.DeepClone() },
                "multi_select" => new JsonArray(value!.AsArray().Select(o => (JsonNode)new JsonObject { ["name"] = o!["name"]!.DeepClone() }).ToArray()),
                _ => value,
            };
            result[name] = new JsonObject { [type] = value };
        }
        return result;
    }

    private static JsonArray MapMentions(JsonArray richText, Func<string, string> mapUser)
    {
        foreach (var item in richText)
        {
            if (item!["mention"]?["user"] is JsonObject user)
            {
                item["mention"]!["user"] = new JsonObject { ["id"] = mapUser(user["id"]!.GetValue<string>()) };
            }
        }
        return richText;
    }

    private static JsonObject Options(IEnumerable<JsonObject> values) => new()
    {
        ["options"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject { ["name"] = v["name"]!.DeepClone(), ["color"] = v["color"]!.DeepClone() }).ToArray()),
    };

    [GeneratedRegex(@"\{\{notion:block_property:([^:]+):[^}]*\}\}")]
    private static partial Regex InternalReference();
}
