using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Hamgam.Emulators.Sheets;

/// <summary>The spreadsheets.values.* methods.</summary>
internal static class ValuesApi
{
    public static JsonObject Get(SpreadsheetDoc doc, string range, IQueryCollection query)
    {
        var box = Ranges.ResolveBox(doc, range);
        return ValueWriter.Read(box, Render(query, "valueRenderOption", "dateTimeRenderOption"), Major(query));
    }

    public static JsonObject BatchGet(SpreadsheetDoc doc, IQueryCollection query)
    {
        var options = Render(query, "valueRenderOption", "dateTimeRenderOption");
        var result = new JsonObject { ["spreadsheetId"] = doc.Id };
        var ranges = query["ranges"];
        if (ranges.Count > 0)
        {
            result["valueRanges"] = new JsonArray([.. ranges.Select(r => ValueWriter.Read(Ranges.ResolveBox(doc, r!), options, Major(query)))]);
        }

        return result;
    }

    public static JsonObject Update(SpreadsheetDoc doc, string range, IQueryCollection query, JsonElement body)
    {
        var userEntered = InputOption(query["valueInputOption"].FirstOrDefault());
        var response = WriteOne(doc, range, body, userEntered, "data");
        AddUpdatedData(doc, response, query["includeValuesInResponse"], Render(query, "responseValueRenderOption", "responseDateTimeRenderOption"));
        return response;
    }

    public static JsonObject BatchUpdate(SpreadsheetDoc doc, JsonElement body)
    {
        var userEntered = InputOption(Text(body, "valueInputOption"));
        var include = Text(body, "includeValuesInResponse");
        var options = RenderOptions.From(Text(body, "responseValueRenderOption"), Text(body, "responseDateTimeRenderOption"));
        var responses = new JsonArray();
        var sheets = new HashSet<string>(StringComparer.Ordinal);
        var (rows, columns, cells) = (0, 0, 0);
        var index = 0;
        foreach (var data in Json.Items(body, "data"))
        {
            var range = Text(data, "range") ?? throw SheetsError.InvalidArgument($"Invalid data[{index}]: Missing range.");
            var response = Prefix($"Invalid data[{index}]: ", () => WriteOne(doc, range, data, userEntered, $"data[{index}]"));
            AddUpdatedData(doc, response, include, options);
            if (response["updatedRange"] is { } updated)
            {
                sheets.Add(Ranges.Resolve(doc, (string)updated!).Sheet.Title);
                rows += (int)response["updatedRows"]!;
                columns = Math.Max(columns, (int)response["updatedColumns"]!);
                cells += (int)response["updatedCells"]!;
            }

            responses.Add(response);
            index++;
        }

        var result = new JsonObject { ["spreadsheetId"] = doc.Id };
        if (responses.Count > 0)
        {
            result["totalUpdatedRows"] = rows;
            result["totalUpdatedColumns"] = columns;
            result["totalUpdatedCells"] = cells;
            result["totalUpdatedSheets"] = sheets.Count;
            result["responses"] = responses;
        }

        return result;
    }

    public static JsonObject Append(SpreadsheetDoc doc, string range, IQueryCollection query, JsonElement body)
    {
        var userEntered = InputOption(query["valueInputOption"].FirstOrDefault());
        var (sheet, a1) = Ranges.Resolve(doc, range);
        var search = Ranges.Clamp(sheet, a1);
        var rows = ValueWriter.ReadMatrix(body, "data");
        var table = AppendTable.Find(search, anchored: a1.IsSingleCell);
        var (row, column) = table is { } t ? (t.EndRow, t.StartColumn) : (search.StartRow, search.StartColumn);
        if (query["insertDataOption"].FirstOrDefault() == "INSERT_ROWS")
        {
            sheet.InsertRows(row, rows.Count);
            ValueWriter.Grow(doc, sheet, sheet.RowCount, sheet.ColumnCount);
        }

        // Appending always makes room, in both modes.
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        ValueWriter.Grow(doc, sheet, Math.Max(sheet.RowCount, row + rows.Count), Math.Max(sheet.ColumnCount, column + width));
        var anchor = new A1Range(null, row, column, row + 1, column + 1);
        var updates = ValueWriter.Write(doc, sheet, anchor, rows, userEntered);
        AddUpdatedData(doc, updates, query["includeValuesInResponse"], Render(query, "responseValueRenderOption", "responseDateTimeRenderOption"));
        var result = new JsonObject { ["spreadsheetId"] = doc.Id };
        if (table is { } found)
        {
            result["tableRange"] = found.ToA1();
        }

        result["updates"] = updates;
        return result;
    }

    public static JsonObject Clear(SpreadsheetDoc doc, string range) =>
        new() { ["spreadsheetId"] = doc.Id, ["clearedRange"] = ClearBox(Ranges.ResolveBox(doc, range)) };

    public static JsonObject BatchClear(SpreadsheetDoc doc, JsonElement body)
    {
        var cleared = new JsonArray();
        foreach (var range in Json.Items(body, "ranges"))
        {
            cleared.Add(ClearBox(Ranges.ResolveBox(doc, range.GetString()!)));
        }

        var result = new JsonObject { ["spreadsheetId"] = doc.Id };
        if (cleared.Count > 0)
        {
            result["clearedRanges"] = cleared;
        }

        return result;
    }

    private static string ClearBox(GridBox box)
    {
        for (var r = box.StartRow; r < box.EndRow && r < box.Sheet.StoredRowCount; r++)
        {
            for (var c = box.StartColumn; c < box.EndColumn && c < box.Sheet.StoredLength(r); c++)
            {
                if (box.Sheet.Get(r, c) is { } cell)
                {
                    box.Sheet.Set(r, c, cell.WithoutValue());
                }
            }
        }

        return box.ToA1();
    }

    private static JsonObject WriteOne(SpreadsheetDoc doc, string range, JsonElement valueRange, bool userEntered, string field)
    {
        var (sheet, a1) = Ranges.Resolve(doc, range);
        return ValueWriter.Write(doc, sheet, a1, ValueWriter.ReadMatrix(valueRange, field), userEntered);
    }

    private static void AddUpdatedData(SpreadsheetDoc doc, JsonObject response, string? include, RenderOptions options)
    {
        if (!string.Equals(include, "true", StringComparison.OrdinalIgnoreCase) || response["updatedRange"] is not { } updated)
        {
            return;
        }

        response["updatedData"] = ValueWriter.Read(Ranges.ResolveBox(doc, (string)updated!), options, "ROWS");
    }

    private static T Prefix<T>(string prefix, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SheetsError error)
        {
            throw error.Prefixed(prefix);
        }
    }

    private static bool InputOption(string? option) => option switch
    {
        "RAW" => false,
        "USER_ENTERED" => true,
        null or "" or "INPUT_VALUE_OPTION_UNSPECIFIED" => throw SheetsError.InvalidArgument("'valueInputOption' is required but not specified"),
        _ => throw SheetsError.InvalidArgument($"Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), \"{option}\""),
    };

    private static RenderOptions Render(IQueryCollection query, string value, string date) =>
        RenderOptions.From(query[value].FirstOrDefault(), query[date].FirstOrDefault());

    private static string Major(IQueryCollection query) =>
        query["majorDimension"].FirstOrDefault() is "COLUMNS" ? "COLUMNS" : "ROWS";

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;
}
