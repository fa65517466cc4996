using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>Writes a ValueRange's values into a sheet and reads ranges back as ValueRanges.</summary>
internal static class ValueWriter
{
    /// <summary>Checks a ValueRange body's <c>values</c> and returns it as rows (transposed when majorDimension is COLUMNS).</summary>
    public static List<JsonElement[]> ReadMatrix(JsonElement valueRange, string field)
    {
        var matrix = new List<JsonElement[]>();
        if (!valueRange.TryGetProperty("values", out var values) || values.ValueKind == JsonValueKind.Null)
        {
            return matrix;
        }

        if (values.ValueKind != JsonValueKind.Array)
        {
            throw SheetsError.InvalidValue($"{field}.values", "type.googleapis.com/google.protobuf.ListValue", values.GetRawText());
        }

        var index = 0;
        foreach (var row in values.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array)
            {
                throw SheetsError.InvalidValue($"{field}.values[{index}]", "type.googleapis.com/google.protobuf.ListValue", row.GetRawText());
            }

            var cells = row.EnumerateArray().ToArray();
            if (cells.FirstOrDefault(c => c.ValueKind is JsonValueKind.Array or JsonValueKind.Object) is { ValueKind: not JsonValueKind.Undefined } bad)
            {
                throw SheetsError.InvalidValue($"{field}.values[{index}]", "type.googleapis.com/google.protobuf.Value", bad.GetRawText());
            }

            matrix.Add(cells);
            index++;
        }

        var major = valueRange.TryGetProperty("majorDimension", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : "ROWS";
        return major == "COLUMNS" ? Transpose(matrix) : matrix;
    }

    private static List<JsonElement[]> Transpose(List<JsonElement[]> columns)
    {
        var height = columns.Count == 0 ? 0 : columns.Max(c => c.Length);
        var rows = new List<JsonElement[]>(height);
        for (var r = 0; r < height; r++)
        {
            rows.Add([.. columns.Select(c => r < c.Length ? c[r] : default)]);
        }

        return rows;
    }

    /// <summary>
    /// Writes rows at an anchor. A single-cell range is only an anchor; a bounded range must hold the data.
    /// The grid grows when data runs past its end (a start outside the grid is a 400).
    /// </summary>
    public static JsonObject Write(SpreadsheetDoc doc, SheetDoc sheet, A1Range range, List<JsonElement[]> rows, bool userEntered)
    {
        var (row0, column0) = (range.StartRow ?? 0, range.StartColumn ?? 0);
        if (row0 >= sheet.RowCount || column0 >= sheet.ColumnCount)
        {
            throw SheetsError.GridLimits(Ranges.Describe(sheet, range), sheet);
        }

        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        var response = new JsonObject { ["spreadsheetId"] = doc.Id };
        if (width == 0)
        {
            return response;
        }

        CheckFits(sheet, range, row0 + rows.Count, column0 + width);
        Grow(doc, sheet, row0 + rows.Count, column0 + width);
        var (updatedRows, updatedCells) = (0, 0);
        for (var r = 0; r < rows.Count; r++)
        {
            var touched = false;
            for (var c = 0; c < rows[r].Length; c++)
            {
                var value = rows[r][c];
                if (value.ValueKind is JsonValueKind.Undefined)
                {
                    continue;
                }

                var (outcome, cell) = CellInput.FromJson(value, userEntered, sheet.Get(row0 + r, column0 + c));
                if (outcome != CellInput.Outcome.Skip)
                {
                    sheet.Set(row0 + r, column0 + c, cell);
                    touched = true;
                    updatedCells++;
                }
            }

            updatedRows += touched ? 1 : 0;
        }

        response["updatedRange"] = A1Notation.Format(sheet.Title, row0, column0, row0 + rows.Count, column0 + width);
        response["updatedRows"] = updatedRows;
        response["updatedColumns"] = width;
        response["updatedCells"] = updatedCells;
        return response;
    }

    private static void CheckFits(SheetDoc sheet, A1Range range, int endRow, int endColumn)
    {
        if (range.IsSingleCell)
        {
            return;
        }

        if (range.EndColumn is { } ec && endColumn > ec)
        {
            throw SheetsError.InvalidArgument(
                $"Requested writing within range [{Ranges.Describe(sheet, range)}], but tried writing to column [{A1Notation.ColumnName(endColumn - 1)}]");
        }

        if (range.EndRow is { } er && endRow > er)
        {
            throw SheetsError.InvalidArgument(
                $"Requested writing within range [{Ranges.Describe(sheet, range)}], but tried writing to row [{endRow}]");
        }
    }

    public static void Grow(SpreadsheetDoc doc, SheetDoc sheet, int rowCount, int columnCount)
    {
        if (rowCount <= sheet.RowCount && columnCount <= sheet.ColumnCount)
        {
            return;
        }

        if (columnCount > A1Notation.MaxColumns)
        {
            throw SheetsError.InvalidArgument($"Range ({A1Notation.QuoteTitle(sheet.Title)}!{A1Notation.ColumnName(columnCount - 1)}1) exceeds the maximum number of columns ({A1Notation.MaxColumns}).");
        }

        sheet.RowCount = Math.Max(rowCount, sheet.RowCount);
        sheet.ColumnCount = Math.Max(columnCount, sheet.ColumnCount);
        if (doc.TotalCells > SpreadsheetDoc.MaxCells)
        {
            throw SheetsError.CellLimit();
        }
    }

    /// <summary>A ValueRange of a box: trailing empty cells and rows dropped, no <c>values</c> key when empty.</summary>
    public static JsonObject Read(GridBox box, RenderOptions options, string majorDimension)
    {
        var result = new JsonObject { ["range"] = box.ToA1(), ["majorDimension"] = majorDimension };
        var columns = majorDimension == "COLUMNS";
        var outer = columns ? box.Columns : Math.Min(box.Rows, Math.Max(0, box.Sheet.StoredRowCount - box.StartRow));
        var inner = columns ? box.Rows : box.Columns;
        var values = new JsonArray();
        var kept = 0;
        for (var i = 0; i < outer; i++)
        {
            var line = new List<JsonNode?>();
            var last = -1;
            for (var j = 0; j < inner; j++)
            {
                var (r, c) = columns ? (box.StartRow + j, box.StartColumn + i) : (box.StartRow + i, box.StartColumn + j);
                if (!columns && c - box.StartColumn >= box.Sheet.StoredLength(r) - box.StartColumn)
                {
                    break;
                }

                var node = CellRender.Render(box.Sheet.Get(r, c), options);
                line.Add(node);
                last = node is null ? last : j;
            }

            values.Add(new JsonArray([.. line.Take(last + 1).Select(n => n ?? JsonValue.Create(string.Empty))]));
            kept = last >= 0 ? i + 1 : kept;
        }

        while (values.Count > kept)
        {
            values.RemoveAt(values.Count - 1);
        }

        if (kept > 0)
        {
            result["values"] = values;
        }

        return result;
    }
}
