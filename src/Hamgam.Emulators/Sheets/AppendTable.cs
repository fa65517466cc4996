namespace Hamgam.Emulators.Sheets;

/// <summary>
/// values.append's table detection. The reference says the range is searched for a "table" and values go "to the next
/// row of the table, starting with the first column of the table". The table is the block of cells connected to a
/// start cell (neighbours, diagonals included, like a spreadsheet's current region): from a single-cell range, the block
/// that starts at it; otherwise the block around the range's last non-empty cell. So a row <c>[x,"",y]</c> makes the
/// table <c>C1</c> (recorded in values_append_table_shift.json), while a last row that starts with an empty cell still
/// belongs to the table its header spans, and the append starts in the header's first column.
/// </summary>
internal static class AppendTable
{
    public static GridBox? Find(GridBox search, bool anchored)
    {
        var sheet = search.Sheet;
        if (anchored)
        {
            var bounds = new GridBox(sheet, search.StartRow, search.StartColumn, sheet.RowCount, sheet.ColumnCount);
            return HasValue(sheet, search.StartRow, search.StartColumn) ? Grow(bounds, search.StartRow, search.StartColumn) : null;
        }

        for (var r = Math.Min(search.EndRow, sheet.StoredRowCount) - 1; r >= search.StartRow; r--)
        {
            for (var c = Math.Min(search.EndColumn, sheet.StoredLength(r)) - 1; c >= search.StartColumn; c--)
            {
                if (HasValue(sheet, r, c))
                {
                    return Grow(search, r, c);
                }
            }
        }

        return null;
    }

    /// <summary>Grows a box from one cell while a cell next to it (diagonals included) inside <paramref name="bounds"/> has a value.</summary>
    private static GridBox Grow(GridBox bounds, int row, int column)
    {
        var sheet = bounds.Sheet;
        var (top, left, bottom, right) = (row, column, row + 1, column + 1);
        var grew = true;
        while (grew)
        {
            grew = false;
            var (fromColumn, toColumn) = (Math.Max(left - 1, bounds.StartColumn), Math.Min(right + 1, bounds.EndColumn));
            while (top > bounds.StartRow && RowHasValue(sheet, top - 1, fromColumn, toColumn))
            {
                (top, grew) = (top - 1, true);
            }

            while (bottom < Math.Min(bounds.EndRow, sheet.StoredRowCount) && RowHasValue(sheet, bottom, fromColumn, toColumn))
            {
                (bottom, grew) = (bottom + 1, true);
            }

            var (fromRow, toRow) = (Math.Max(top - 1, bounds.StartRow), Math.Min(bottom + 1, bounds.EndRow));
            while (left > bounds.StartColumn && ColumnHasValue(sheet, left - 1, fromRow, toRow))
            {
                (left, grew) = (left - 1, true);
            }

            while (right < bounds.EndColumn && ColumnHasValue(sheet, right, fromRow, toRow))
            {
                (right, grew) = (right + 1, true);
            }
        }

        return new GridBox(sheet, top, left, bottom, right);
    }

    private static bool HasValue(SheetDoc sheet, int row, int column) => sheet.Get(row, column) is { HasValue: true };

    private static bool RowHasValue(SheetDoc sheet, int row, int start, int end)
    {
        for (var c = start; c < Math.Min(end, sheet.StoredLength(row)); c++)
        {
            if (HasValue(sheet, row, c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ColumnHasValue(SheetDoc sheet, int column, int start, int end)
    {
        for (var r = start; r < Math.Min(end, sheet.StoredRowCount); r++)
        {
            if (HasValue(sheet, r, column))
            {
                return true;
            }
        }

        return false;
    }
}
