using System.Globalization;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>How a cell reads back under valueRenderOption and dateTimeRenderOption.</summary>
internal readonly record struct RenderOptions(string ValueRender, string DateRender)
{
    public static readonly RenderOptions Default = new("FORMATTED_VALUE", "SERIAL_NUMBER");

    public static RenderOptions From(string? valueRender, string? dateRender)
    {
        var options = new RenderOptions(valueRender ?? "FORMATTED_VALUE", dateRender ?? "SERIAL_NUMBER");
        if (options.ValueRender is not ("FORMATTED_VALUE" or "UNFORMATTED_VALUE" or "FORMULA"))
        {
            throw SheetsError.InvalidArgument($"Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), \"{options.ValueRender}\"");
        }

        if (options.DateRender is not ("SERIAL_NUMBER" or "FORMATTED_STRING"))
        {
            throw SheetsError.InvalidArgument($"Invalid value at 'date_time_render_option' (type.googleapis.com/google.apps.sheets.v4.DateTimeRenderOption), \"{options.DateRender}\"");
        }

        return options;
    }
}

internal static class CellRender
{
    /// <summary>The JSON a values.* read returns for a cell, or null when it holds no value.</summary>
    public static JsonNode? Render(Cell? cell, RenderOptions options)
    {
        if (cell is null || !cell.HasValue)
        {
            return null;
        }

        if (options.ValueRender == "FORMULA" && cell.Formula is not null)
        {
            return cell.Formula;
        }

        if (options.ValueRender == "FORMATTED_VALUE")
        {
            return Formatted(cell);
        }

        var value = cell.Effective ?? CellValue.Of(string.Empty);
        return value.Kind switch
        {
            CellKind.Number when IsDate(cell) && options.DateRender == "FORMATTED_STRING" => Formatted(cell),
            CellKind.Number => JsonValue.Create(value.Number),
            CellKind.Bool => JsonValue.Create(value.Bool),
            _ => value.Text,
        };
    }

    public static bool IsDate(Cell cell) => cell.NumberFormatType is "DATE" or "DATE_TIME" or "TIME";

    /// <summary>The displayed text of a cell (what FORMATTED_VALUE returns).</summary>
    public static string Formatted(Cell cell)
    {
        var value = cell.Effective ?? CellValue.Of(string.Empty);
        return value.Kind switch
        {
            CellKind.Number when IsDate(cell) => FormatDate(value.Number, cell.NumberFormatType!, cell.NumberFormatPattern),
            CellKind.Number => FormatNumber(value.Number),
            CellKind.Bool => value.Bool ? "TRUE" : "FALSE",
            _ => value.Text ?? string.Empty,
        };
    }

    public static string FormatNumber(double number) =>
        Math.Abs(number) < 1e15
            ? number.ToString("0.##########", CultureInfo.InvariantCulture)
            : number.ToString("0.#####E+0", CultureInfo.InvariantCulture);

    private static string FormatDate(double serial, string type, string? pattern)
    {
        var date = CellInput.FromSerial(serial);
        var format = pattern switch
        {
            "yyyy-mm-dd" => "yyyy-MM-dd",
            "yyyy-mm-dd hh:mm:ss" => "yyyy-MM-dd HH:mm:ss",
            "yyyy-mm-dd hh:mm" => "yyyy-MM-dd HH:mm",
            "M/d/yyyy" => "M/d/yyyy",
            "M/d/yyyy H:mm:ss" => "M/d/yyyy H:mm:ss",
            _ => type switch
            {
                "DATE" => "yyyy-MM-dd",
                "TIME" => "HH:mm:ss",
                _ => "yyyy-MM-dd HH:mm:ss",
            },
        };
        return date.ToString(format, CultureInfo.InvariantCulture);
    }
}
