using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Sheets;

/// <summary>A spreadsheet as spreadsheets.get returns it (only the fields asked for when a mask is used).</summary>
public sealed record Spreadsheet
{
    /// <summary>The id.</summary>
    public string? SpreadsheetId { get; init; }

    /// <summary>Title, locale, time zone.</summary>
    public SpreadsheetProperties? Properties { get; init; }

    /// <summary>The tabs in order.</summary>
    public IReadOnlyList<Sheet>? Sheets { get; init; }

    /// <summary>The web address.</summary>
    public string? SpreadsheetUrl { get; init; }
}

/// <summary>Spreadsheet-wide properties.</summary>
public sealed record SpreadsheetProperties
{
    /// <summary>The title.</summary>
    public string? Title { get; init; }

    /// <summary>The locale, e.g. <c>en_US</c>.</summary>
    public string? Locale { get; init; }

    /// <summary>The time zone date serials are wall-clock time in, e.g. <c>Etc/GMT</c> or <c>Asia/Tehran</c>.</summary>
    public string? TimeZone { get; init; }
}

/// <summary>A tab.</summary>
public sealed record Sheet
{
    /// <summary>Id, title, index and grid size.</summary>
    public SheetProperties? Properties { get; init; }

    /// <summary>The basic filter, if one is set.</summary>
    public BasicFilter? BasicFilter { get; init; }

    /// <summary>Grid data, when includeGridData was asked for.</summary>
    public IReadOnlyList<GridData>? Data { get; init; }
}

/// <summary>A tab's properties. Zero values are omitted by the API, so the numbers are nullable.</summary>
public sealed record SheetProperties
{
    /// <summary>The tab's id (stable across renames).</summary>
    public int? SheetId { get; init; }

    /// <summary>The tab's title.</summary>
    public string? Title { get; init; }

    /// <summary>The position among the tabs.</summary>
    public int? Index { get; init; }

    /// <summary>GRID for ordinary tabs.</summary>
    public string? SheetType { get; init; }

    /// <summary>Rows, columns and frozen counts.</summary>
    public GridProperties? GridProperties { get; init; }

    /// <summary>Whether the tab is hidden.</summary>
    public bool? Hidden { get; init; }

    /// <summary>Whether the tab reads right to left.</summary>
    public bool? RightToLeft { get; init; }

    /// <summary>The tab colour.</summary>
    public ColorStyle? TabColorStyle { get; init; }
}

/// <summary>Grid size and frozen rows/columns.</summary>
public sealed record GridProperties
{
    /// <summary>Rows in the grid.</summary>
    public int? RowCount { get; init; }

    /// <summary>Columns in the grid.</summary>
    public int? ColumnCount { get; init; }

    /// <summary>Frozen rows at the top.</summary>
    public int? FrozenRowCount { get; init; }

    /// <summary>Frozen columns at the left.</summary>
    public int? FrozenColumnCount { get; init; }
}

/// <summary>A rectangle on a tab: 0-based, end exclusive; a missing bound is unbounded.</summary>
public sealed record GridRange
{
    /// <summary>The tab.</summary>
    public int? SheetId { get; init; }

    /// <summary>First row.</summary>
    public int? StartRowIndex { get; init; }

    /// <summary>Row after the last.</summary>
    public int? EndRowIndex { get; init; }

    /// <summary>First column.</summary>
    public int? StartColumnIndex { get; init; }

    /// <summary>Column after the last.</summary>
    public int? EndColumnIndex { get; init; }
}

/// <summary>A cell position: 0-based.</summary>
public sealed record GridCoordinate
{
    /// <summary>The tab.</summary>
    public int? SheetId { get; init; }

    /// <summary>The row.</summary>
    public int? RowIndex { get; init; }

    /// <summary>The column.</summary>
    public int? ColumnIndex { get; init; }
}

/// <summary>Rows of cells, as in updateCells and grid data.</summary>
public sealed record RowData
{
    /// <summary>The cells of the row.</summary>
    public IReadOnlyList<CellData>? Values { get; init; }
}

/// <summary>Grid data of one range, as spreadsheets.get returns it with includeGridData.</summary>
public sealed record GridData
{
    /// <summary>First row of the data.</summary>
    public int? StartRow { get; init; }

    /// <summary>First column of the data.</summary>
    public int? StartColumn { get; init; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<RowData>? RowData { get; init; }
}

/// <summary>One cell: its value, format and note.</summary>
public sealed record CellData
{
    /// <summary>The value as entered. A <see cref="ExtendedValue.StringValue"/> is always text, even <c>=HYPERLINK("x")</c>.</summary>
    public ExtendedValue? UserEnteredValue { get; init; }

    /// <summary>The computed value (read only).</summary>
    public ExtendedValue? EffectiveValue { get; init; }

    /// <summary>The displayed text (read only).</summary>
    public string? FormattedValue { get; init; }

    /// <summary>The format as entered.</summary>
    public CellFormat? UserEnteredFormat { get; init; }

    /// <summary>The note.</summary>
    public string? Note { get; init; }
}

/// <summary>A typed cell value; set exactly one member.</summary>
public sealed record ExtendedValue
{
    /// <summary>Text, never parsed.</summary>
    public string? StringValue { get; init; }

    /// <summary>A number (dates are serials; pair with a DATE number format).</summary>
    public double? NumberValue { get; init; }

    /// <summary>A boolean.</summary>
    public bool? BoolValue { get; init; }

    /// <summary>A formula, starting with <c>=</c>.</summary>
    public string? FormulaValue { get; init; }

    /// <summary>Text.</summary>
    public static ExtendedValue FromString(string text) => new() { StringValue = text };

    /// <summary>A number.</summary>
    public static ExtendedValue FromNumber(double number) => new() { NumberValue = number };

    /// <summary>A boolean.</summary>
    public static ExtendedValue FromBool(bool value) => new() { BoolValue = value };

    /// <summary>A formula.</summary>
    public static ExtendedValue FromFormula(string formula) => new() { FormulaValue = formula };
}

/// <summary>A cell format (the parts Hamgam uses; others are kept in <see cref="Other"/>).</summary>
public sealed record CellFormat
{
    /// <summary>Font settings.</summary>
    public TextFormat? TextFormat { get; init; }

    /// <summary>Background colour.</summary>
    public ColorStyle? BackgroundColorStyle { get; init; }

    /// <summary>LEFT, CENTER or RIGHT.</summary>
    public string? HorizontalAlignment { get; init; }

    /// <summary>Number or date format.</summary>
    public NumberFormat? NumberFormat { get; init; }

    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>Font settings.</summary>
public sealed record TextFormat
{
    /// <summary>Bold.</summary>
    public bool? Bold { get; init; }

    /// <summary>Italic.</summary>
    public bool? Italic { get; init; }

    /// <summary>Size in points.</summary>
    public int? FontSize { get; init; }
}

/// <summary>A number format, e.g. type DATE with pattern <c>yyyy-mm-dd</c>.</summary>
public sealed record NumberFormat
{
    /// <summary>TEXT, NUMBER, DATE, DATE_TIME, TIME, ...</summary>
    public string? Type { get; init; }

    /// <summary>The pattern.</summary>
    public string? Pattern { get; init; }
}

/// <summary>A colour; zero channels are omitted by the API.</summary>
public sealed record ColorStyle
{
    /// <summary>The colour.</summary>
    public RgbColor? RgbColor { get; init; }
}

/// <summary>Red, green and blue from 0 to 1.</summary>
public sealed record RgbColor
{
    /// <summary>Red.</summary>
    public double? Red { get; init; }

    /// <summary>Green.</summary>
    public double? Green { get; init; }

    /// <summary>Blue.</summary>
    public double? Blue { get; init; }
}

/// <summary>A tab's basic filter.</summary>
public sealed record BasicFilter
{
    /// <summary>The filtered range.</summary>
    public GridRange? Range { get; init; }
}
