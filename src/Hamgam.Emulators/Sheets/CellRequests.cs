using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>updateCells and repeatCell: CellData applied through a field mask.</summary>
internal static class CellRequests
{
    public static JsonObject UpdateCells(SpreadsheetDoc doc, JsonElement request)
    {
        var mask = Mask(request);
        var rows = Json.Items(request, "rows").ToList();
        if (Json.Get(request, "range") is { } range)
        {
            var sheet = BatchUpdateApi.Sheet(doc, Json.Int(range, "sheetId"));
            var box = Ranges.FromGridRange(sheet, Json.Int(range, "startRowIndex"), Json.Int(range, "endRowIndex"), Json.Int(range, "startColumnIndex"), Json.Int(range, "endColumnIndex"), clipEnd: false);
            CheckRowsFit(rows, box);

            // Cells of the range that the rows do not cover are cleared for the masked fields.
            for (var r = box.StartRow; r < box.EndRow; r++)
            {
                var values = r - box.StartRow < rows.Count ? Json.Items(rows[r - box.StartRow], "values").ToList() : [];
                var last = Math.Min(box.EndColumn, Math.Max(box.StartColumn + values.Count, sheet.StoredLength(r)));
                for (var c = box.StartColumn; c < last; c++)
                {
                    var source = c - box.StartColumn < values.Count ? values[c - box.StartColumn] : default;
                    sheet.Set(r, c, CellMask.Apply(sheet.Get(r, c), source, mask));
                }
            }

            return [];
        }

        var start = Json.Get(request, "start") ?? throw SheetsError.InvalidArgument("Either range or start must be set.");
        var target = BatchUpdateApi.Sheet(doc, Json.Int(start, "sheetId"));
        var (row0, column0) = (Json.Int(start, "rowIndex") ?? 0, Json.Int(start, "columnIndex") ?? 0);
        var width = rows.Count == 0 ? 1 : Math.Max(1, rows.Max(r => Json.Items(r, "values").Count()));
        Ranges.FromGridRange(target, row0, row0 + Math.Max(1, rows.Count), column0, column0 + width, clipEnd: false);
        for (var r = 0; r < rows.Count; r++)
        {
            var c = column0;
            foreach (var source in Json.Items(rows[r], "values"))
            {
                target.Set(row0 + r, c, CellMask.Apply(target.Get(row0 + r, c), source, mask));
                c++;
            }
        }

        return [];
    }

    public static JsonObject RepeatCell(SpreadsheetDoc doc, JsonElement request)
    {
        var mask = Mask(request);
        var range = Json.Get(request, "range") ?? default;
        var sheet = BatchUpdateApi.Sheet(doc, Json.Int(range, "sheetId"));

        // A range that starts inside the grid and ends past it is clipped (observed for repeatCell).
        var box = Ranges.FromGridRange(sheet, Json.Int(range, "startRowIndex"), Json.Int(range, "endRowIndex"), Json.Int(range, "startColumnIndex"), Json.Int(range, "endColumnIndex"), clipEnd: true);
        var template = CellMask.Parse(Json.Get(request, "cell") ?? default);
        for (var r = box.StartRow; r < box.EndRow; r++)
        {
            for (var c = box.StartColumn; c < box.EndColumn; c++)
            {
                sheet.Set(r, c, CellMask.Apply(sheet.Get(r, c), template, mask));
            }
        }

        return [];
    }

    private static FieldMask Mask(JsonElement request) =>
        FieldMask.Parse(Json.String(request, "fields") ?? throw SheetsError.InvalidArgument("At least one field must be updated, but none were specified."));

    private static void CheckRowsFit(List<JsonElement> rows, GridBox box)
    {
        if (rows.Count > box.Rows)
        {
            throw SheetsError.InvalidArgument(
                $"Attempting to write row: {box.StartRow + box.Rows}, beyond the last requested row of: {box.EndRow - 1}");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var count = Json.Items(rows[r], "values").Count();
            if (count > box.Columns)
            {
                throw SheetsError.InvalidArgument(
                    $"Attempting to write column: {box.StartColumn + box.Columns}, beyond the last requested column of: {box.EndColumn - 1}");
            }
        }
    }
}
