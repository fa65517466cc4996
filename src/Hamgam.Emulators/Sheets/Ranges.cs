using System.Globalization;

namespace Hamgam.Emulators.Sheets;

/// <summary>Resolves A1 text against a spreadsheet, with the Sheets API's errors.</summary>
internal static class Ranges
{
    /// <summary>The sheet a range names (or the first visible one) and the parsed cells; 400 "Unable to parse range" otherwise.</summary>
    public static (SheetDoc Sheet, A1Range Range) Resolve(SpreadsheetDoc doc, string text)
    {
        if (!A1Notation.TryParse(text, out var range))
        {
            throw SheetsError.UnableToParse(text);
        }

        var sheet = range.SheetTitle is null ? doc.FirstVisibleSheet : doc.FindSheet(range.SheetTitle);
        return sheet is null ? throw SheetsError.UnableToParse(text) : (sheet, range);
    }

    /// <summary>
    /// A range for reading or clearing: open ends clamp to the grid and so do bounded ends past it;
    /// a start outside the grid is a 400 "exceeds grid limits".
    /// </summary>
    public static GridBox ResolveBox(SpreadsheetDoc doc, string text)
    {
        var (sheet, range) = Resolve(doc, text);
        return Clamp(sheet, range);
    }

    public static GridBox Clamp(SheetDoc sheet, A1Range range)
    {
        var startRow = range.StartRow ?? 0;
        var startColumn = range.StartColumn ?? 0;
        if (startRow >= sheet.RowCount || startColumn >= sheet.ColumnCount)
        {
            throw SheetsError.GridLimits(Describe(sheet, range), sheet);
        }

        return new GridBox(
            sheet,
            startRow,
            startColumn,
            Math.Min(range.EndRow ?? sheet.RowCount, sheet.RowCount),
            Math.Min(range.EndColumn ?? sheet.ColumnCount, sheet.ColumnCount));
    }

    /// <summary>The range as the caller wrote it, e.g. <c>'Daily Log'!A1001:B</c>, for error messages.</summary>
    public static string Describe(SheetDoc sheet, A1Range range)
    {
        var startColumn = range.StartColumn is { } sc ? A1Notation.ColumnName(sc) : string.Empty;
        var startRow = range.StartRow is { } sr ? Row(sr) : string.Empty;
        var start = startColumn + startRow;
        var end = (range.EndColumn is { } ec ? A1Notation.ColumnName(ec - 1) : string.Empty)
            + (range.EndRow is { } er ? Row(er - 1) : string.Empty);
        var cells = range.IsSingleCell || end == start ? start : start + ":" + end;
        return A1Notation.QuoteTitle(sheet.Title) + (cells.Length > 0 ? "!" + cells : string.Empty);
    }

    /// <summary>A GridRange JSON's bounds (missing means unbounded) as a box; a start outside the grid is an error.</summary>
    public static GridBox FromGridRange(SheetDoc sheet, int? startRow, int? endRow, int? startColumn, int? endColumn, bool clipEnd)
    {
        var range = new A1Range(null, startRow ?? 0, startColumn ?? 0, endRow, endColumn);
        var box = Clamp(sheet, range);
        var overflows = (endRow ?? 0) > sheet.RowCount || (endColumn ?? 0) > sheet.ColumnCount;
        if (overflows && !clipEnd)
        {
            throw SheetsError.GridLimits(Describe(sheet, range), sheet);
        }

        return box;
    }

    private static string Row(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
