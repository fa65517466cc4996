using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion.Query;

/// <summary>Compiles a query filter into a predicate, validating it the way Notion does.</summary>
internal sealed class FilterCompiler(NotionDataSource dataSource, PageValueReader reader, DateTimeOffset now)
{
    private const int MaxNesting = 2;

    private static readonly Dictionary<string, string> FilterKinds = new()
    {
        ["title"] = "text", ["rich_text"] = "text", ["url"] = "text", ["email"] = "text", ["phone_number"] = "text",
        ["number"] = "number", ["unique_id"] = "number", ["checkbox"] = "checkbox", ["select"] = "select", ["status"] = "select",
        ["multi_select"] = "multi_select", ["relation"] = "ids", ["people"] = "ids", ["created_by"] = "ids", ["last_edited_by"] = "ids",
        ["date"] = "date", ["created_time"] = "date", ["last_edited_time"] = "date", ["formula"] = "formula", ["rollup"] = "rollup",
    };

    public Func<NotionPage, bool> Compile(JsonNode? filter) =>
        filter is null ? _ => true : Node(filter, "body.filter", depth: 0);

    private Func<NotionPage, bool> Node(JsonNode node, string path, int depth)
    {
        if (node is not JsonObject obj)
        {
            throw NotionApiException.Body(path, "an object", node.ToJsonString());
        }
        foreach (var compound in new[] { "and", "or" })
        {
            if (!obj.TryGetPropertyValue(compound, out var list))
            {
                continue;
            }
            if (depth >= MaxNesting)
            {
                throw NotionApiException.Validation(
                    $"body failed validation: {path}.{compound} should be not present, instead was `{list?.ToJsonString()}`. Filters can be nested at most {MaxNesting} levels deep.");
            }
            if (list is not JsonArray items)
            {
                throw NotionApiException.Body($"{path}.{compound}", "an array", list?.ToJsonString() ?? "null");
            }
            if (items.Count > 100)
            {
                throw NotionApiException.Validation(string.Create(CultureInfo.InvariantCulture,
                    $"body failed validation: {path}.{compound}.length should be ≤ `100`, instead was `{items.Count}`."));
            }
            var parts = items.Select((item, i) => Node(item ?? throw NotionApiException.Body($"{path}.{compound}[{i}]", "an object", "null"),
                $"{path}.{compound}[{i}]", depth + 1)).ToArray();
            return compound == "and" ? p => Array.TrueForAll(parts, f => f(p)) : p => Array.Exists(parts, f => f(p));
        }
        if (obj["timestamp"] is JsonValue ts && ts.TryGetValue<string>(out var timestamp))
        {
            return Timestamp(obj, timestamp, path);
        }
        return Property(obj, path);
    }

    private Func<NotionPage, bool> Timestamp(JsonObject obj, string timestamp, string path)
    {
        if (timestamp is not ("created_time" or "last_edited_time"))
        {
            throw NotionApiException.Body($"{path}.timestamp", "`\"created_time\"` or `\"last_edited_time\"`", $"\"{timestamp}\"");
        }
        var condition = obj[timestamp] as JsonObject ?? throw NotionApiException.Body($"{path}.{timestamp}", "defined", null);
        var test = DateCondition.Compile(condition, $"{path}.{timestamp}", now);
        return timestamp == "created_time" ? p => test(p.CreatedTime) : p => test(p.LastEditedTime);
    }

    private Func<NotionPage, bool> Property(JsonObject obj, string path)
    {
        var name = obj["property"]?.GetValue<string>() ?? throw NotionApiException.Body($"{path}.property", "defined", null);
        var property = dataSource.FindProperty(name)
            ?? throw NotionApiException.Validation($"Could not find property with name or id: {name}");
        var filterType = obj.Select(kv => kv.Key).FirstOrDefault(FilterKinds.ContainsKey)
            ?? throw NotionApiException.Body($"{path}.{property.Type}", "defined", null);
        if (filterType != property.Type && !(filterType == "date" && property.Type is "created_time" or "last_edited_time"))
        {
            throw NotionApiException.Validation($"database property {property.Type} does not match filter {filterType}");
        }
        var condition = obj[filterType] as JsonObject
            ?? throw NotionApiException.Body($"{path}.{filterType}", "an object", obj[filterType]?.ToJsonString() ?? "null");
        return Condition(property, FilterKinds[property.Type], condition, $"{path}.{filterType}");
    }

    private Func<NotionPage, bool> Condition(NotionProperty property, string kind, JsonObject condition, string path)
    {
        if (kind == "date")
        {
            var test = DateCondition.Compile(condition, path, now);
            return p => test(reader.Date(property, p));
        }
        if (condition.Count != 1)
        {
            throw NotionApiException.Body(path, "an object with exactly one condition", condition.ToJsonString());
        }
        var (op, operand) = condition.First();
        var opPath = $"{path}.{op}";
        return kind switch
        {
            "text" => TextCondition(property, op, operand, opPath),
            "number" => NumberCondition(property, op, operand, opPath),
            "checkbox" => CheckboxCondition(property, op, operand, opPath),
            "select" => SelectCondition(property, op, operand, opPath),
            "multi_select" => MultiSelectCondition(property, op, operand, opPath),
            "ids" => IdsCondition(property, op, operand, opPath),
            "formula" => FormulaCondition(property, op, operand, opPath),
            _ => throw NotionApiException.Validation($"body failed validation: {opPath} is not supported by this emulator."),
        };
    }

    private Func<NotionPage, bool> TextCondition(NotionProperty property, string op, JsonNode? operand, string path)
    {
        if (op is "is_empty" or "is_not_empty")
        {
            var wantEmpty = op == "is_empty";
            return p => string.IsNullOrEmpty(reader.Text(property, p)) == wantEmpty;
        }
        var value = StringOperand(operand, path);
        return op switch
        {
            "equals" => p => string.Equals(reader.Text(property, p), value, StringComparison.OrdinalIgnoreCase),
            "does_not_equal" => p => !string.Equals(reader.Text(property, p), value, StringComparison.OrdinalIgnoreCase),
            "contains" => p => reader.Text(property, p).Contains(value, StringComparison.OrdinalIgnoreCase),
            "does_not_contain" => p => !reader.Text(property, p).Contains(value, StringComparison.OrdinalIgnoreCase),
            "starts_with" => p => reader.Text(property, p).StartsWith(value, StringComparison.OrdinalIgnoreCase),
            "ends_with" => p => reader.Text(property, p).EndsWith(value, StringComparison.OrdinalIgnoreCase),
            _ => throw Unsupported(path, operand),
        };
    }

    private Func<NotionPage, bool> NumberCondition(NotionProperty property, string op, JsonNode? operand, string path)
    {
        if (op is "is_empty" or "is_not_empty")
        {
            var wantEmpty = op == "is_empty";
            return p => reader.Number(property, p) is null == wantEmpty;
        }
        if (operand is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            throw NotionApiException.Body(path, "a number", operand?.ToJsonString() ?? "undefined");
        }
        var n = PropertyValues.NumberOf(v);
        return op switch
        {
            "equals" => p => reader.Number(property, p) == n,
            "does_not_equal" => p => reader.Number(property, p) != n,
            "greater_than" => p => reader.Number(property, p) > n,
            "less_than" => p => reader.Number(property, p) < n,
            "greater_than_or_equal_to" => p => reader.Number(property, p) >= n,
            "less_than_or_equal_to" => p => reader.Number(property, p) <= n,
            _ => throw Unsupported(path, operand),
        };
    }

    private Func<NotionPage, bool> CheckboxCondition(NotionProperty property, string op, JsonNode? operand, string path)
    {
        if (operand is not JsonValue v || v.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw NotionApiException.Body(path, "a boolean", operand?.ToJsonString() ?? "undefined");
        }
        var b = v.GetValue<bool>();
        return op switch
        {
            "equals" => p => reader.Checkbox(property, p) == b,
            "does_not_equal" => p => reader.Checkbox(property, p) != b,
            _ => throw Unsupported(path, operand),
        };
    }

    private static Func<NotionPage, bool> SelectCondition(NotionProperty property, string op, JsonNode? operand, string path)
    {
        if (op is "is_empty" or "is_not_empty")
        {
            var wantEmpty = op == "is_empty";
            return p => PageValueReader.OptionName(property, p) is null == wantEmpty;
        }
        var names = NameSet(operand, path);
        return op switch
        {
            "equals" => p => PageValueReader.OptionName(property, p) is { } name && names.Contains(name),
            "does_not_equal" => p => PageValueReader.OptionName(property, p) is not { } name || !names.Contains(name),
            _ => throw Unsupported(path, operand),
        };
    }

    private static Func<NotionPage, bool> MultiSelectCondition(NotionProperty property, string op, JsonNode? operand, string path)
    {
        if (op is "is_empty" or "is_not_empty")
        {
            var wantEmpty = op == "is_empty";
            return p => PageValueReader.OptionNames(property, p).Count == 0 == wantEmpty;
        }
        var names = NameSet(operand, path);
        return op switch
        {
            "contains" => p => PageValueReader.OptionNames(property, p).Exists(names.Contains),
            "does_not_contain" => p => !PageValueReader.OptionNames(property, p).Exists(names.Contains),
            _ => throw Unsupported(path, operand),
        };
    }

    private static Func<NotionPage, bool> IdsCondition(NotionProperty property, string op, JsonNode? operand, string path)
    {
        if (op is "is_empty" or "is_not_empty")
        {
            var wantEmpty = op == "is_empty";
            return p => PageValueReader.Ids(property, p).Count == 0 == wantEmpty;
        }
        var raw = StringOperand(operand, path);
        var id = NotionIds.Normalize(raw) ?? throw NotionApiException.Body(path, "a valid uuid", operand?.ToJsonString());
        return op switch
        {
            "contains" => p => PageValueReader.Ids(property, p).Contains(id),
            "does_not_contain" => p => !PageValueReader.Ids(property, p).Contains(id),
            _ => throw Unsupported(path, operand),
        };
    }

    private Func<NotionPage, bool> FormulaCondition(NotionProperty property, string kind, JsonNode? operand, string path)
    {
        if (operand is not JsonObject inner)
        {
            throw NotionApiException.Body(path, "an object", operand?.ToJsonString() ?? "undefined");
        }
        return kind switch
        {
            "string" => Condition(property, "text", inner, path),
            "number" => Condition(property, "number", inner, path),
            "checkbox" => Condition(property, "checkbox", inner, path),
            "date" => Condition(property, "date", inner, path),
            _ => throw Unsupported(path, operand),
        };
    }

    private static string StringOperand(JsonNode? operand, string path) =>
        operand is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw NotionApiException.Body(path, "a string", operand?.ToJsonString() ?? "undefined");

    private static HashSet<string> NameSet(JsonNode? operand, string path)
    {
        if (operand is JsonArray array)
        {
            return array.Select((n, i) => StringOperand(n, $"{path}[{i}]")).ToHashSet(StringComparer.Ordinal);
        }
        return [StringOperand(operand, path)];
    }

    private static NotionApiException Unsupported(string path, JsonNode? operand) =>
        NotionApiException.Validation($"body failed validation: {path} should be not present, instead was `{operand?.ToJsonString() ?? "undefined"}`.");
}
