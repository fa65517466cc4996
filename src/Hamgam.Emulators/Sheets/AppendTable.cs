namespace Hamgam.Emulators.Sheets;

/// <summary>
/// values.append's table detection, a heuristic like Google's: from a single-cell range, the block that starts
/// there; otherwise the block around the last non-empty cell (which is why a row <c>[x,"",y]</c> makes the
/// table <c>C1</c>, as recorded).
/// </summary>
internal static class AppendTable
{
    public static GridBox? Find(GridBox search, bool anchored)
    {
        var sheet = search.Sheet;
        if (anchored)
        {
            return HasValue(sheet, search.StartRow, search.StartColumn) ? FromAnchor(sheet, search.StartRow, search.StartColumn) : null;
        }

        for (var r = Math.Min(search.EndRow, sheet.StoredRowCount) - 1; r >= search.StartRow; r--)
        {
            for (var c = Math.Min(search.EndColumn, sheet.StoredLength(r)) - 1; c >= search.StartColumn; c--)
            {
                if (HasValue(sheet, r, c))
                {
                    return FromLast(sheet, search, r, c);
                }
            }
        }

        return null;
    }

    private static GridBox FromAnchor(SheetDoc sheet, int row, int column)
    {
        var endColumn = column + 1;
        while (endColumn < sheet.ColumnCount && HasValue(sheet, row, endColumn))
        {
            endColumn++;
        }

        var endRow = row + 1;
        while (endRow < sheet.RowCount && RowHasValue(sheet, endRow, column, endColumn))
        {
            endRow++;
        }

        return new GridBox(sheet, row, column, endRow, endColumn);
    }

    private static GridBox FromLast(SheetDoc sheet, GridBox search, int row, int column)
    {
        var startColumn = column;
        while (startColumn > search.StartColumn && HasValue(sheet, row, startColumn - 1))
        {
            startColumn--;
        }

        var startRow = row;
        while (startRow > search.StartRow && RowHasValue(sheet, startRow - 1, startColumn, column + 1))
        {
            startRow--;
        }

        return new GridBox(sheet, startRow, startColumn, row + 1, column + 1);
    }

    private static bool HasValue(SheetDoc sheet, int row, int column) => sheet.Get(row, column) is { HasValue: true };

    private static bool RowHasValue(SheetDoc sheet, int row, int start, int end)
    {
        for (var c = start; c < end; c++)
        {
            if (HasValue(sheet, row, c))
            {
                return true;
            }
        }

        return false;
    }
}
