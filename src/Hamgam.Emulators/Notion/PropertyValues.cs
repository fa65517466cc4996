using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

/// <summary>Turns request-shaped property values into stored values, with Notion's validation.</summary>
internal sealed class PropertyValues(NotionWorkspace workspace)
{
    public static readonly HashSet<string> ReadOnlyTypes =
        ["formula", "rollup", "created_time", "created_by", "last_edited_time", "last_edited_by", "unique_id", "button", "verification"];

    public JsonNode? Parse(NotionProperty property, string key, JsonNode? raw, NotionPage page)
    {
        var path = $"body.properties.{key}";
        var value = Unwrap(property, key, raw);
        if (ReadOnlyTypes.Contains(property.Type))
        {
            throw NotionApiException.Validation($"{key} is a {property.Type} property, which cannot be updated.");
        }
        var valuePath = $"{path}.{property.Type}";
        return property.Type switch
        {
            "title" or "rich_text" => RichText.Normalize(value, valuePath, workspace),
            "number" => ParseNumber(value, valuePath),
            "checkbox" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? JsonValue.Create(b.GetValue<bool>())
                : throw NotionApiException.Body(valuePath, "a boolean", value?.ToJsonString() ?? "null"),
            "select" => ParseSelect(property, value, valuePath, createMissing: true),
            "status" => ParseSelect(property, value, valuePath, createMissing: false),
            "multi_select" => ParseMultiSelect(property, value, valuePath),
            "date" => NormalizeDate(value, valuePath),
            "url" => ParseString(value, valuePath, 2000),
            "email" or "phone_number" => ParseString(value, valuePath, 200),
            "relation" => ParseIdList(value, valuePath, 100, isRelation: true),
            "people" => ParseIdList(value, valuePath, 100, isRelation: false),
            "files" => ParseFiles(value, valuePath),
            "place" => value?.DeepClone(),
            _ => throw NotionApiException.Validation($"{key} is a {property.Type} property, which cannot be updated."),
        };
    }

    public static JsonObject? NormalizeDate(JsonNode? value, string path)
    {
        if (value is null)
        {
            return null;
        }
        if (value is not JsonObject date)
        {
            throw NotionApiException.Body(path, "an object or `null`", value.ToJsonString());
        }
        var zoneName = date["time_zone"] is JsonValue z && z.TryGetValue<string>(out var zn) ? zn : null;
        TimeZoneInfo? zone = null;
        if (zoneName is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
        {
            throw NotionApiException.Body($"{path}.time_zone", "a valid IANA time zone", $"\"{zoneName}\"");
        }
        var start = NormalizeDateString(date["start"], $"{path}.start", zone)
            ?? throw NotionApiException.Body($"{path}.start", "defined", null);
        var end = NormalizeDateString(date["end"], $"{path}.end", zone);
        return new JsonObject { ["start"] = start, ["end"] = end, ["time_zone"] = null };
    }

    private static string? NormalizeDateString(JsonNode? node, string path, TimeZoneInfo? zone)
    {
        if (node is null)
        {
            return null;
        }
        if (node is not JsonValue v || !v.TryGetValue<string>(out var text)
            || !NotionTime.TryParse(text, out var parsed, out var dateOnly, out var hasOffset))
        {
            throw NotionApiException.Body(path, "a valid ISO 8601 date string", node.ToJsonString());
        }
        if (dateOnly)
        {
            return text;
        }
        if (zone is not null)
        {
            parsed = hasOffset
                ? TimeZoneInfo.ConvertTime(parsed, zone)
                : new DateTimeOffset(parsed.DateTime, zone.GetUtcOffset(DateTime.SpecifyKind(parsed.DateTime, DateTimeKind.Unspecified)));
        }
        return NotionTime.FormatDateTimeValue(parsed);
    }

    private static JsonNode? Unwrap(NotionProperty property, string key, JsonNode? raw)
    {
        if (raw is JsonArray && property.Type is "title" or "rich_text")
        {
            return raw;
        }
        if (raw is not JsonObject obj)
        {
            throw NotionApiException.Body($"body.properties.{key}", "an object", raw?.ToJsonString() ?? "null");
        }
        if (obj.TryGetPropertyValue(property.Type, out var inner))
        {
            return inner;
        }
        throw NotionApiException.Validation($"{key} is expected to be {property.Type}.");
    }

    private static JsonValue? ParseNumber(JsonNode? value, string path) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(NumberOf(v)),
        _ => throw NotionApiException.Body(path, "a number or `null`", value.ToJsonString()),
    };

    /// <summary>Reads a number whether the node was parsed from JSON or built from any CLR numeric type.</summary>
    public static double NumberOf(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static JsonValue? ParseString(JsonNode? value, string path, int max)
    {
        if (value is null)
        {
            return null;
        }
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            throw NotionApiException.Body(path, "a string or `null`", value.ToJsonString());
        }
        if (text.Length > max)
        {
            throw NotionApiException.Validation(string.Create(CultureInfo.InvariantCulture,
                $"body failed validation: {path}.length should be ≤ `{max}`, instead was `{text.Length}`."));
        }
        return JsonValue.Create(text);
    }

    private JsonValue? ParseSelect(NotionProperty property, JsonNode? value, string path, bool createMissing)
    {
        if (value is null)
        {
            return null;
        }
        var option = ResolveOption(property, value, path, createMissing);
        return JsonValue.Create(option.Id);
    }

    private JsonArray ParseMultiSelect(NotionProperty property, JsonNode? value, string path)
    {
        if (value is not JsonArray items)
        {
            throw NotionApiException.Body(path, "an array", value?.ToJsonString() ?? "null");
        }
        if (items.Count > 100)
        {
            throw NotionApiException.Validation(string.Create(CultureInfo.InvariantCulture,
                $"body failed validation: {path}.length should be ≤ `100`, instead was `{items.Count}`."));
        }
        var result = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var option = ResolveOption(property, items[i], $"{path}[{i}]", createMissing: true);
            if (seen.Add(option.Id))
            {
                result.Add(option.Id);
            }
        }
        return result;
    }

    private NotionOption ResolveOption(NotionProperty property, JsonNode? value, string path, bool createMissing)
    {
        if (value is not JsonObject obj)
        {
            throw NotionApiException.Body(path, "an object", value?.ToJsonString() ?? "null");
        }
        var id = obj["id"]?.GetValue<string>();
        var name = obj["name"]?.GetValue<string>();
        if (id is null && name is null)
        {
            throw NotionApiException.Body($"{path}.name", "defined", null);
        }
        var option = property.FindOption(id, id is null ? name : null);
        if (option is not null)
        {
            return option;
        }
        if (!createMissing || id is not null)
        {
            throw NotionApiException.Validation(property.Type == "status"
                ? $"Invalid status option. Status option \"{name ?? id}\" does not exist."
                : $"Invalid {property.Type} option ID \"{id}\".");
        }
        if (name!.Contains(',', StringComparison.Ordinal))
        {
            throw NotionApiException.Validation($"Invalid {property.Type} option, commas not allowed: {name}");
        }
        return workspace.AddOption(property, name, obj["color"]?.GetValue<string>());
    }

    private JsonArray ParseIdList(JsonNode? value, string path, int max, bool isRelation)
    {
        if (value is not JsonArray items)
        {
            throw NotionApiException.Body(path, "an array", value?.ToJsonString() ?? "null");
        }
        if (items.Count > max)
        {
            throw NotionApiException.Validation(string.Create(CultureInfo.InvariantCulture,
                $"body failed validation: {path}.length should be ≤ `{max}`, instead was `{items.Count}`."));
        }
        var result = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var raw = items[i]?["id"];
            var id = NotionIds.Normalize(raw is JsonValue rv && rv.TryGetValue<string>(out var s) ? s : null)
                ?? throw NotionApiException.Body($"{path}[{i}].id", "a valid uuid", raw?.ToJsonString());
            if (isRelation ? workspace.FindPageUnlocked(id) is null : workspace.FindUser(id) is null)
            {
                throw new NotionApiException(404, "object_not_found", workspace.NotFoundMessage(isRelation ? "page" : "user", id),
                    workspace.IntegrationData);
            }
            if (seen.Add(id))
            {
                result.Add(id);
            }
        }
        return result;
    }

    private static JsonArray ParseFiles(JsonNode? value, string path)
    {
        if (value is not JsonArray items)
        {
            throw NotionApiException.Body(path, "an array", value?.ToJsonString() ?? "null");
        }
        var result = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] as JsonObject ?? throw NotionApiException.Body($"{path}[{i}]", "an object", items[i]?.ToJsonString());
            var name = item["name"]?.GetValue<string>() ?? throw NotionApiException.Body($"{path}[{i}].name", "defined", null);
            if (item["external"] is JsonObject external)
            {
                result.Add(new JsonObject
                {
                    ["name"] = name,
                    ["type"] = "external",
                    ["external"] = new JsonObject { ["url"] = external["url"]?.GetValue<string>() },
                });
            }
            else if (item["file"] is JsonObject file)
            {
                result.Add(new JsonObject { ["name"] = name, ["type"] = "file", ["file"] = file.DeepClone() });
            }
            else
            {
                throw NotionApiException.Body($"{path}[{i}].external", "defined", null);
            }
        }
        return result;
    }
}
