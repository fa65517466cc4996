using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion.Query;

/// <summary>Compiles query sorts. Empty values sort last in both directions; ties keep the default order (newest first).</summary>
internal sealed class SortCompiler(NotionDataSource dataSource, PageValueReader reader)
{
    public Comparison<NotionPage> Compile(JsonNode? sorts)
    {
        var keys = new List<Comparison<NotionPage>>();
        if (sorts is not null and not JsonArray)
        {
            throw NotionApiException.Body("body.sorts", "an array", sorts.ToJsonString());
        }
        var items = sorts as JsonArray ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            keys.Add(Key(items[i] as JsonObject ?? throw NotionApiException.Body($"body.sorts[{i}]", "an object", items[i]?.ToJsonString()), $"body.sorts[{i}]"));
        }
        keys.Add(static (a, b) => b.Sequence.CompareTo(a.Sequence));
        return (a, b) =>
        {
            foreach (var key in keys)
            {
                var result = key(a, b);
                if (result != 0)
                {
                    return result;
                }
            }
            return 0;
        };
    }

    private Comparison<NotionPage> Key(JsonObject sort, string path)
    {
        var direction = sort["direction"]?.GetValue<string>();
        if (direction is not ("ascending" or "descending"))
        {
            throw NotionApiException.Body($"{path}.direction", "`\"ascending\"` or `\"descending\"`", sort["direction"]?.ToJsonString() ?? "undefined");
        }
        var sign = direction == "ascending" ? 1 : -1;
        if (sort["timestamp"] is JsonValue ts && ts.TryGetValue<string>(out var timestamp))
        {
            return timestamp switch
            {
                "created_time" => (a, b) => sign * a.CreatedTime.CompareTo(b.CreatedTime),
                "last_edited_time" => (a, b) => sign * a.LastEditedTime.CompareTo(b.LastEditedTime),
                _ => throw NotionApiException.Body($"{path}.timestamp", "`\"created_time\"` or `\"last_edited_time\"`", $"\"{timestamp}\""),
            };
        }
        var name = sort["property"]?.GetValue<string>() ?? throw NotionApiException.Body($"{path}.property", "defined", null);
        var property = dataSource.FindProperty(name)
            ?? throw NotionApiException.Validation($"Could not find sort property with name or id: {name}");
        return Property(property, sign);
    }

    private Comparison<NotionPage> Property(NotionProperty property, int sign) => property.Type switch
    {
        "number" or "unique_id" => (a, b) => EmptyLast(reader.Number(property, a), reader.Number(property, b), sign),
        "checkbox" => (a, b) => sign * reader.Checkbox(property, a).CompareTo(reader.Checkbox(property, b)),
        "select" or "status" or "multi_select" => (a, b) => EmptyLast(Index(property, a), Index(property, b), sign),
        "date" or "created_time" or "last_edited_time" => (a, b) => EmptyLast(reader.Date(property, a), reader.Date(property, b), sign),
        "formula" => (a, b) => EmptyLast(NullIfEmpty(reader.Text(property, a)), NullIfEmpty(reader.Text(property, b)), sign),
        _ => (a, b) => EmptyLast(NullIfEmpty(reader.Text(property, a)), NullIfEmpty(reader.Text(property, b)), sign),
    };

    private static int? Index(NotionProperty property, NotionPage page)
    {
        var index = PageValueReader.OptionIndex(property, page);
        return index < 0 ? null : index;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static int EmptyLast<T>(T? a, T? b, int sign)
        where T : struct, IComparable<T>
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : 1) : -1;
        }
        return sign * a.Value.CompareTo(b.Value);
    }

    private static int EmptyLast(string? a, string? b, int sign)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : 1) : -1;
        }
        return sign * string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
