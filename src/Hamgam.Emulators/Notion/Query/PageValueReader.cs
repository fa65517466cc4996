using System.Globalization;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion.Query;

/// <summary>Reads stored page values as plain .NET values for filtering and sorting.</summary>
internal sealed class PageValueReader(NotionDataSource dataSource, ComputedValues computed)
{
    public string Text(NotionProperty property, NotionPage page)
    {
        if (property.Type == "formula")
        {
            return computed.Evaluate(dataSource, property, page) switch
            {
                string s => s,
                double d => d.ToString(CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                _ => string.Empty,
            };
        }
        var stored = page.Values.GetValueOrDefault(property.Id);
        return stored switch
        {
            JsonArray => RichText.PlainText(stored),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => string.Empty,
        };
    }

    public double? Number(NotionProperty property, NotionPage page) => property.Type switch
    {
        "unique_id" => page.UniqueNumber,
        "formula" => computed.Evaluate(dataSource, property, page) as double?,
        _ => page.Values.GetValueOrDefault(property.Id) is JsonValue v ? v.GetValue<double>() : null,
    };

    public bool Checkbox(NotionProperty property, NotionPage page) => property.Type == "formula"
        ? computed.Evaluate(dataSource, property, page) is true
        : page.Values.GetValueOrDefault(property.Id) is JsonValue v && v.GetValue<bool>();

    public static string? OptionName(NotionProperty property, NotionPage page) =>
        property.FindOption(page.Values.GetValueOrDefault(property.Id)?.GetValue<string>(), null)?.Name;

    public static int OptionIndex(NotionProperty property, NotionPage page)
    {
        var id = page.Values.GetValueOrDefault(property.Id) switch
        {
            JsonArray { Count: > 0 } array => array[0]!.GetValue<string>(),
            JsonValue v => v.GetValue<string>(),
            _ => null,
        };
        return id is null ? -1 : property.Options.FindIndex(o => o.Id == id);
    }

    public static List<string> OptionNames(NotionProperty property, NotionPage page)
    {
        var result = new List<string>();
        foreach (var id in page.Values.GetValueOrDefault(property.Id) as JsonArray ?? [])
        {
            if (property.FindOption(id!.GetValue<string>(), null) is { } option)
            {
                result.Add(option.Name);
            }
        }
        return result;
    }

    public static List<string> Ids(NotionProperty property, NotionPage page) => property.Type switch
    {
        "created_by" => [page.CreatedBy],
        "last_edited_by" => [page.LastEditedBy],
        _ => (page.Values.GetValueOrDefault(property.Id) as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList(),
    };

    public DateTimeOffset? Date(NotionProperty property, NotionPage page)
    {
        switch (property.Type)
        {
            case "created_time":
                return page.CreatedTime;
            case "last_edited_time":
                return page.LastEditedTime;
            case "formula":
                return computed.Evaluate(dataSource, property, page) is string s && NotionTime.TryParse(s, out var f, out _, out _) ? f : null;
        }
        var start = page.Values.GetValueOrDefault(property.Id)?["start"]?.GetValue<string>();
        return start is not null && NotionTime.TryParse(start, out var parsed, out _, out _) ? parsed : null;
    }
}
