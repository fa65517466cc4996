using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

/// <summary>Formula and rollup values, computed when a page is read.</summary>
internal sealed class ComputedValues(NotionWorkspace workspace)
{
    public object? Evaluate(NotionDataSource dataSource, NotionProperty property, NotionPage page)
    {
        var expression = property.Config["expression"]?.GetValue<string>() ?? string.Empty;
        return new FormulaEvaluator(dataSource, page, ReadForFormula).Evaluate(expression);
    }

    public static void WriteFormula(Utf8JsonWriter w, object? value)
    {
        w.WriteStartObject();
        switch (value)
        {
            case double d:
                w.WriteString("type", "number");
                if (double.IsFinite(d))
                {
                    w.WriteNumber("number", d);
                }
                else
                {
                    w.WriteNull("number");
                }
                break;
            case bool b:
                w.WriteString("type", "boolean");
                w.WriteBoolean("boolean", b);
                break;
            case string s when s.Length > 0:
                w.WriteString("type", "string");
                w.WriteString("string", s);
                break;
            default:
                w.WriteString("type", "string");
                w.WriteNull("string");
                break;
        }
        w.WriteEndObject();
    }

    public void WriteRollup(Utf8JsonWriter w, NotionDataSource dataSource, NotionProperty property, NotionPage page)
    {
        var function = property.Config["function"]?.GetValue<string>() ?? "count";
        var related = RelatedPages(dataSource, property, page, out var target, out var targetProperty);
        w.WriteStartObject();
        if (function is "show_original" or "show_unique" && target is not null && targetProperty is not null)
        {
            w.WriteString("type", "array");
            w.WriteStartArray("array");
            foreach (var relatedPage in related)
            {
                w.WriteStartObject();
                workspace.Renderer.WritePropertyValue(w, target, targetProperty, relatedPage, truncateRelations: true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        else
        {
            w.WriteString("type", "number");
            var number = Aggregate(function, related, target, targetProperty);
            if (number is { } n && double.IsFinite(n))
            {
                w.WriteNumber("number", n);
            }
            else
            {
                w.WriteNull("number");
            }
        }
        w.WriteString("function", function);
        w.WriteEndObject();
    }

    private double? Aggregate(string function, List<NotionPage> related, NotionDataSource? target, NotionProperty? targetProperty)
    {
        var values = target is null || targetProperty is null
            ? []
            : related.Select(p => ReadForFormula(targetProperty, p)).ToList();
        var numbers = values.OfType<double>().ToList();
        return function switch
        {
            "count" or "count_all" => related.Count,
            "count_values" => values.Count(v => v is not null && v is not "" and not false),
            "count_unique_values" => values.Where(v => v is not null && v is not "").Distinct().Count(),
            "empty" or "count_empty" => values.Count(v => v is null or ""),
            "not_empty" or "count_not_empty" => values.Count(v => v is not null and not ""),
            "sum" => numbers.Sum(),
            "average" => numbers.Count == 0 ? null : numbers.Average(),
            "min" => numbers.Count == 0 ? null : numbers.Min(),
            "max" => numbers.Count == 0 ? null : numbers.Max(),
            "range" => numbers.Count == 0 ? null : numbers.Max() - numbers.Min(),
            _ => null,
        };
    }

    private List<NotionPage> RelatedPages(NotionDataSource dataSource, NotionProperty property, NotionPage page,
        out NotionDataSource? target, out NotionProperty? targetProperty)
    {
        target = null;
        targetProperty = null;
        var relation = dataSource.FindProperty(property.Config["relation_property_id"]?.GetValue<string>() ?? string.Empty);
        if (relation is null)
        {
            return [];
        }
        target = workspace.FindDataSourceUnlocked(relation.Config["data_source_id"]?.GetValue<string>() ?? string.Empty);
        targetProperty = target?.FindProperty(property.Config["rollup_property_id"]?.GetValue<string>() ?? "title");
        var result = new List<NotionPage>();
        foreach (var id in page.Values.GetValueOrDefault(relation.Id) as JsonArray ?? [])
        {
            if (workspace.FindPageUnlocked(id!.GetValue<string>()) is { InTrash: false } related)
            {
                result.Add(related);
            }
        }
        return result;
    }

    /// <summary>A property's value as a formula sees it: number, string, bool or null.</summary>
    public object? ReadForFormula(NotionProperty property, NotionPage page)
    {
        var stored = page.Values.GetValueOrDefault(property.Id);
        return property.Type switch
        {
            "number" => stored is JsonValue v ? v.GetValue<double>() : null,
            "checkbox" => stored is JsonValue b && b.GetValue<bool>(),
            "title" or "rich_text" => RichText.PlainText(stored),
            "select" or "status" => property.FindOption(stored?.GetValue<string>(), null)?.Name ?? string.Empty,
            "multi_select" => string.Join(",", (stored as JsonArray ?? []).Select(id => property.FindOption(id!.GetValue<string>(), null)?.Name)),
            "date" => stored?["start"]?.GetValue<string>() ?? string.Empty,
            "url" or "email" or "phone_number" => stored?.GetValue<string>() ?? string.Empty,
            "unique_id" => (double?)page.UniqueNumber,
            "relation" or "people" => (double)(stored as JsonArray ?? []).Count,
            _ => string.Empty,
        };
    }
}
