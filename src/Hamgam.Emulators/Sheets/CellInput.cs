using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>How a written value becomes a cell: RAW keeps it, USER_ENTERED parses it as if typed into the UI.</summary>
internal static class CellInput
{
    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly (string Format, string Pattern, string Type)[] DateForms =
    [
        ("yyyy-MM-dd", "yyyy-mm-dd", "DATE"),
        ("yyyy-MM-dd HH:mm:ss", "yyyy-mm-dd hh:mm:ss", "DATE_TIME"),
        ("yyyy-MM-dd HH:mm", "yyyy-mm-dd hh:mm", "DATE_TIME"),
        ("yyyy-MM-ddTHH:mm:ss", "yyyy-mm-dd hh:mm:ss", "DATE_TIME"),
        ("M/d/yyyy", "M/d/yyyy", "DATE"),
        ("M/d/yyyy H:mm:ss", "M/d/yyyy H:mm:ss", "DATE_TIME"),
    ];

    public enum Outcome
    {
        Skip,
        Clear,
        Set,
    }

    /// <summary>Turns one element of a ValueRange row into a cell change; <paramref name="existing"/> keeps its format and note.</summary>
    public static (Outcome Outcome, Cell? Cell) FromJson(JsonElement value, bool userEntered, Cell? existing)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return (Outcome.Skip, null);
            case JsonValueKind.String when value.GetString() is "":
                return (Outcome.Clear, existing?.WithoutValue().OrNullIfEmpty());
            case JsonValueKind.String:
                var text = SheetsError.CheckCellText(value.GetString()!);
                return (Outcome.Set, userEntered ? ParseUserEntered(text, existing) : Keep(existing, CellValue.Of(text)));
            case JsonValueKind.Number:
                return (Outcome.Set, Keep(existing, CellValue.Of(value.GetDouble())));
            case JsonValueKind.True or JsonValueKind.False:
                return (Outcome.Set, Keep(existing, CellValue.Of(value.GetBoolean())));
            default:
                throw new ArgumentException("not a scalar", nameof(value));
        }
    }

    private static Cell Keep(Cell? existing, CellValue value) =>
        existing is null ? Cell.FromValue(value) : existing with { Entered = value, Formula = null, Effective = value };

    public static Cell ParseUserEntered(string text, Cell? existing)
    {
        if (text.Length > 1 && text[0] == '=')
        {
            return new Cell(null, text, Formula.Evaluate(text), existing?.Format, existing?.Note);
        }

        if (text[0] == '\'')
        {
            return Keep(existing, CellValue.Of(text[1..]));
        }

        if (bool.TryParse(text, out var flag))
        {
            return Keep(existing, CellValue.Of(flag));
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Keep(existing, CellValue.Of(number));
        }

        foreach (var (format, pattern, type) in DateForms)
        {
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                var format1 = (JsonObject?)existing?.Format?.DeepClone() ?? [];
                format1["numberFormat"] = new JsonObject { ["type"] = type, ["pattern"] = pattern };
                var value = CellValue.Of(ToSerial(date));
                return new Cell(value, null, value, format1, existing?.Note);
            }
        }

        return Keep(existing, CellValue.Of(text));
    }

    public static double ToSerial(DateTime date) => (date - Epoch).TotalDays;

    public static DateTime FromSerial(double serial) => Epoch.AddDays(serial);
}
