using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>
/// spreadsheets.batchUpdate: requests run in order on a copy of the spreadsheet, and the copy is kept only if
/// every request succeeds (the caller, <see cref="SheetsEmulatorState"/>, does the keeping).
/// </summary>
internal static class BatchUpdateApi
{
    public static JsonObject Apply(SpreadsheetDoc doc, JsonElement body)
    {
        var requests = Json.Items(body, "requests").ToList();
        if (requests.Count == 0)
        {
            throw SheetsError.InvalidArgument("Must specify at least one request.");
        }

        var replies = new JsonArray();
        for (var i = 0; i < requests.Count; i++)
        {
            var kinds = requests[i].EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToList();
            if (kinds.Count != 1)
            {
                throw SheetsError.InvalidArgument($"Invalid requests[{i}]: exactly one kind of request must be set.");
            }

            var (kind, request) = (kinds[0].Name, kinds[0].Value);
            try
            {
                replies.Add(ApplyOne(doc, kind, request, i));
            }
            catch (SheetsError error) when (error.Code == 400 && !error.Message.StartsWith("Invalid JSON", StringComparison.Ordinal))
            {
                throw error.Prefixed($"Invalid requests[{i}].{kind}: ");
            }
        }

        var result = new JsonObject { ["spreadsheetId"] = doc.Id, ["replies"] = replies };
        if (Json.Bool(body, "includeSpreadsheetInResponse") == true)
        {
            result["updatedSpreadsheet"] = SpreadsheetJson.Render(doc, null, Json.Bool(body, "responseIncludeGridData") == true);
        }

        return result;
    }

    private static JsonObject ApplyOne(SpreadsheetDoc doc, string kind, JsonElement request, int index) => kind switch
    {
        "addSheet" => SheetRequests.AddSheet(doc, request),
        "deleteSheet" => SheetRequests.DeleteSheet(doc, request),
        "updateSheetProperties" => SheetRequests.UpdateSheetProperties(doc, request),
        "updateSpreadsheetProperties" => SheetRequests.UpdateSpreadsheetProperties(doc, request),
        "appendDimension" => DimensionRequests.Append(doc, request),
        "deleteDimension" => DimensionRequests.Delete(doc, request),
        "updateCells" => CellRequests.UpdateCells(doc, request),
        "repeatCell" => CellRequests.RepeatCell(doc, request),
        "setBasicFilter" => SheetRequests.SetBasicFilter(doc, request),
        "clearBasicFilter" => SheetRequests.ClearBasicFilter(doc, request),
        "addProtectedRange" => SheetRequests.AddProtectedRange(doc, request),
        _ => throw new SheetsError(
            400,
            "INVALID_ARGUMENT",
            $"Invalid JSON payload received. Unknown name \"{kind}\" at 'requests[{index}]': Cannot find field."),
    };

    /// <summary>The sheet a request's <c>sheetId</c> names (0 when absent, as in proto3).</summary>
    public static SheetDoc Sheet(SpreadsheetDoc doc, int? sheetId) =>
        doc.FindSheet(sheetId ?? 0) ?? throw SheetsError.InvalidArgument($"No grid with id: {sheetId ?? 0}");

    public static void CheckCellLimit(SpreadsheetDoc doc)
    {
        if (doc.TotalCells > SpreadsheetDoc.MaxCells)
        {
            throw SheetsError.CellLimit();
        }
    }

    /// <summary>A GridRange as Google echoes it: index bounds kept when given, sheetId only when not 0.</summary>
    public static JsonObject GridRangeJson(JsonElement? range)
    {
        var result = new JsonObject();
        if (range is not { } r)
        {
            return result;
        }

        if (Json.Int(r, "sheetId") is { } id and not 0)
        {
            result["sheetId"] = id;
        }

        foreach (var name in new[] { "startRowIndex", "endRowIndex", "startColumnIndex", "endColumnIndex" })
        {
            if (Json.Int(r, name) is { } value)
            {
                result[name] = value;
            }
        }

        return result;
    }
}
