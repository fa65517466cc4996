using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>The writable parts of a request's CellData.</summary>
internal sealed record CellTemplate(CellValue? Entered, string? Formula, CellValue? Effective, JsonObject? Format, string? Note)
{
    public static readonly CellTemplate Empty = new(null, null, null, null, null);
}

/// <summary>Applies CellData to a cell through a field mask (<c>userEnteredValue</c>, <c>note</c>, <c>userEnteredFormat(...)</c>, <c>*</c>).</summary>
internal static class CellMask
{
    public static CellTemplate Parse(JsonElement cell)
    {
        if (cell.ValueKind != JsonValueKind.Object)
        {
            return CellTemplate.Empty;
        }

        CellValue? entered = null;
        string? formula = null;
        if (Json.Get(cell, "userEnteredValue") is { } value)
        {
            if (Json.String(value, "formulaValue") is { } f)
            {
                formula = SheetsError.CheckCellText(f);
            }
            else if (Json.String(value, "stringValue") is { } s)
            {
                entered = CellValue.Of(SheetsError.CheckCellText(s));
            }
            else if (Json.Get(value, "numberValue") is { ValueKind: JsonValueKind.Number } n)
            {
                entered = CellValue.Of(n.GetDouble());
            }
            else if (Json.Bool(value, "boolValue") is { } b)
            {
                entered = CellValue.Of(b);
            }
        }

        var effective = formula is not null ? Formula.Evaluate(formula) : entered;
        var format = Json.Get(cell, "userEnteredFormat") is { } fmt ? Json.Node(fmt) as JsonObject : null;
        return new CellTemplate(entered, formula, effective, format, Json.String(cell, "note"));
    }

    public static Cell? Apply(Cell? existing, JsonElement source, FieldMask mask) => Apply(existing, Parse(source), mask);

    public static Cell? Apply(Cell? existing, CellTemplate template, FieldMask mask)
    {
        var cell = existing ?? new Cell(null, null, null, null, null);
        var all = mask.SelectsAll;
        if (all || mask.Children.ContainsKey("userEnteredValue"))
        {
            cell = cell with { Entered = template.Entered, Formula = template.Formula, Effective = template.Effective };
        }

        if (all || mask.Children.ContainsKey("note"))
        {
            cell = cell with { Note = template.Note };
        }

        if (all)
        {
            cell = cell with { Format = template.Format };
        }
        else if (mask.Children.TryGetValue("userEnteredFormat", out var formatMask))
        {
            cell = cell with { Format = formatMask.SelectsAll ? template.Format : Merge(cell.Format, template.Format, formatMask) };
        }

        return cell.OrNullIfEmpty();
    }

    private static JsonObject? Merge(JsonObject? existing, JsonObject? source, FieldMask mask)
    {
        var result = (JsonObject?)existing?.DeepClone() ?? [];
        foreach (var path in mask.LeafPaths())
        {
            var names = path.Split('.');
            var value = Navigate(source, names);
            var parent = result;
            for (var i = 0; i < names.Length - 1; i++)
            {
                if (parent[names[i]] is not JsonObject child)
                {
                    child = [];
                    parent[names[i]] = child;
                }

                parent = child;
            }

            if (value is null)
            {
                parent.Remove(names[^1]);
            }
            else
            {
                parent[names[^1]] = value.DeepClone();
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static JsonNode? Navigate(JsonObject? node, string[] names)
    {
        JsonNode? current = node;
        foreach (var name in names)
        {
            current = (current as JsonObject)?[name];
        }

        return current;
    }
}
