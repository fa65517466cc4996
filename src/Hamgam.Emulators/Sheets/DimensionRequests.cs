using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>appendDimension and deleteDimension, with the refusals Google gives.</summary>
internal static class DimensionRequests
{
    public static JsonObject Append(SpreadsheetDoc doc, JsonElement request)
    {
        var sheet = BatchUpdateApi.Sheet(doc, Json.Int(request, "sheetId"));
        var length = Json.Int(request, "length") ?? 0;
        if (length < 1)
        {
            throw SheetsError.InvalidArgument("length must be at least 1.");
        }

        if (IsRows(request))
        {
            sheet.RowCount += length;
        }
        else
        {
            sheet.ColumnCount += length;
            if (sheet.ColumnCount > A1Notation.MaxColumns)
            {
                throw SheetsError.InvalidArgument(
                    $"This action would increase the number of columns in the sheet above the limit of {A1Notation.MaxColumns}.");
            }
        }

        BatchUpdateApi.CheckCellLimit(doc);
        return [];
    }

    public static JsonObject Delete(SpreadsheetDoc doc, JsonElement request)
    {
        var range = Json.Get(request, "range") ?? default;
        var sheet = BatchUpdateApi.Sheet(doc, Json.Int(range, "sheetId"));
        var rows = IsRows(range);
        var (count, frozen, noun) = rows ? (sheet.RowCount, sheet.FrozenRowCount, "row") : (sheet.ColumnCount, sheet.FrozenColumnCount, "column");
        var start = Json.Int(range, "startIndex") ?? 0;
        var end = Json.Int(range, "endIndex") ?? count;
        if (start < 0 || end <= start)
        {
            throw SheetsError.InvalidArgument("Invalid dimension range: startIndex must be less than endIndex.");
        }

        if (end > count)
        {
            throw SheetsError.InvalidArgument(
                $"Cannot delete a {noun} that doesn't exist. Tried to delete {noun} index {end - 1} but there are only {count} {noun}s.");
        }

        if (end - start == count)
        {
            throw SheetsError.InvalidArgument($"You can't delete all the {noun}s on the sheet.");
        }

        if (frozen > 0 && count - (end - start) <= frozen)
        {
            throw SheetsError.InvalidArgument($"Sorry, it is not possible to delete all non-frozen {noun}s.");
        }

        if (rows)
        {
            sheet.DeleteRows(start, end);
            sheet.FrozenRowCount -= Math.Max(0, Math.Min(end, sheet.FrozenRowCount) - start);
        }
        else
        {
            sheet.DeleteColumns(start, end);
            sheet.FrozenColumnCount -= Math.Max(0, Math.Min(end, sheet.FrozenColumnCount) - start);
        }

        return [];
    }

    private static bool IsRows(JsonElement element) => Json.String(element, "dimension") switch
    {
        "ROWS" => true,
        "COLUMNS" => false,
        var other => throw SheetsError.InvalidArgument($"Invalid dimension: {other ?? "DIMENSION_UNSPECIFIED"}"),
    };
}
