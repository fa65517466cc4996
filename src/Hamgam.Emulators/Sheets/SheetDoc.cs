using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>One tab: its properties and a sparse grid of cells (rows hold arrays as long as their last written column).</summary>
internal sealed class SheetDoc
{
    private List<Cell?[]?> _rows = [];

    public required int SheetId { get; set; }

    public required string Title { get; set; }

    public int RowCount { get; set; } = 1000;

    public int ColumnCount { get; set; } = 26;

    public int FrozenRowCount { get; set; }

    public int FrozenColumnCount { get; set; }

    public bool Hidden { get; set; }

    public bool RightToLeft { get; set; }

    public JsonObject? TabColorStyle { get; set; }

    public JsonObject? BasicFilter { get; set; }

    public List<JsonObject> ProtectedRanges { get; private set; } = [];

    public long CellCount => (long)RowCount * ColumnCount;

    public int StoredRowCount => _rows.Count;

    public Cell? Get(int row, int column)
    {
        if (row >= _rows.Count || _rows[row] is not { } cells || column >= cells.Length)
        {
            return null;
        }

        return cells[column];
    }

    public void Set(int row, int column, Cell? cell)
    {
        cell = cell?.OrNullIfEmpty();
        if (cell is null && Get(row, column) is null)
        {
            return;
        }

        while (_rows.Count <= row)
        {
            _rows.Add(null);
        }

        var cells = _rows[row] ?? [];
        if (cells.Length <= column)
        {
            Array.Resize(ref cells, Math.Max(column + 1, Math.Min(cells.Length * 2, ColumnCount)));
        }

        cells[column] = cell;
        _rows[row] = cells;
    }

    /// <summary>The number of stored cells in a row (an upper bound of its last non-empty column + 1).</summary>
    public int StoredLength(int row) => row < _rows.Count && _rows[row] is { } cells ? cells.Length : 0;

    public void DeleteRows(int start, int end)
    {
        if (start < _rows.Count)
        {
            _rows.RemoveRange(start, Math.Min(end, _rows.Count) - start);
        }

        RowCount -= end - start;
    }

    public void InsertRows(int start, int count)
    {
        if (start < _rows.Count)
        {
            _rows.InsertRange(start, new Cell?[]?[count]);
        }

        RowCount += count;
    }

    public void DeleteColumns(int start, int end)
    {
        for (var r = 0; r < _rows.Count; r++)
        {
            if (_rows[r] is not { } cells || start >= cells.Length)
            {
                continue;
            }

            var kept = cells.Take(start).Concat(cells.Skip(Math.Min(end, cells.Length))).ToArray();
            _rows[r] = kept;
        }

        ColumnCount -= end - start;
    }

    /// <summary>Drops cells outside the grid after a shrink.</summary>
    public void TrimToGrid()
    {
        if (_rows.Count > RowCount)
        {
            _rows.RemoveRange(RowCount, _rows.Count - RowCount);
        }

        for (var r = 0; r < _rows.Count; r++)
        {
            if (_rows[r] is { } cells && cells.Length > ColumnCount)
            {
                _rows[r] = cells[..ColumnCount];
            }
        }
    }

    public IEnumerable<(int Row, int Column, Cell Cell)> EnumerateCells()
    {
        for (var r = 0; r < _rows.Count; r++)
        {
            if (_rows[r] is not { } cells)
            {
                continue;
            }

            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c] is { } cell)
                {
                    yield return (r, c, cell);
                }
            }
        }
    }

    public SheetDoc Clone()
    {
        var copy = (SheetDoc)MemberwiseClone();
        copy._rows = new List<Cell?[]?>(_rows.Count);
        foreach (var cells in _rows)
        {
            copy._rows.Add((Cell?[]?)cells?.Clone());
        }

        copy.TabColorStyle = (JsonObject?)TabColorStyle?.DeepClone();
        copy.BasicFilter = (JsonObject?)BasicFilter?.DeepClone();
        copy.ProtectedRanges = [.. ProtectedRanges.Select(p => (JsonObject)p.DeepClone())];
        return copy;
    }
}
