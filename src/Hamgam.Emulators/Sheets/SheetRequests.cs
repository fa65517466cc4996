using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>batchUpdate requests on tabs and the spreadsheet: add/delete sheets, properties, filters, protection.</summary>
internal static class SheetRequests
{
    public static JsonObject AddSheet(SpreadsheetDoc doc, JsonElement request)
    {
        var properties = Json.Get(request, "properties") ?? default;
        var title = Json.String(properties, "title") ?? NextTitle(doc);
        if (doc.FindSheet(title) is not null)
        {
            throw SheetsError.InvalidArgument($"A sheet with the name \"{title}\" already exists. Please enter another name.");
        }

        var sheetId = Json.Int(properties, "sheetId") ?? doc.NewId();
        if (doc.FindSheet(sheetId) is not null)
        {
            throw SheetsError.InvalidArgument($"Sheet with id {sheetId} already exists.");
        }

        var grid = Json.Get(properties, "gridProperties") ?? default;
        var sheet = new SheetDoc
        {
            SheetId = sheetId,
            Title = title,
            RowCount = Json.Int(grid, "rowCount") ?? 1000,
            ColumnCount = Json.Int(grid, "columnCount") ?? 26,
            FrozenRowCount = Json.Int(grid, "frozenRowCount") ?? 0,
            FrozenColumnCount = Json.Int(grid, "frozenColumnCount") ?? 0,
            Hidden = Json.Bool(properties, "hidden") ?? false,
            RightToLeft = Json.Bool(properties, "rightToLeft") ?? false,
            TabColorStyle = Json.Node(Json.Get(properties, "tabColorStyle")) as JsonObject,
        };
        CheckGrid(sheet);
        var index = Math.Clamp(Json.Int(properties, "index") ?? doc.Sheets.Count, 0, doc.Sheets.Count);
        doc.Sheets.Insert(index, sheet);
        BatchUpdateApi.CheckCellLimit(doc);
        return new JsonObject { ["addSheet"] = new JsonObject { ["properties"] = SpreadsheetJson.Properties(doc, sheet) } };
    }

    public static JsonObject DeleteSheet(SpreadsheetDoc doc, JsonElement request)
    {
        var sheet = BatchUpdateApi.Sheet(doc, Json.Int(request, "sheetId"));
        if (doc.Sheets.Count == 1)
        {
            throw SheetsError.InvalidArgument("You can't remove all the sheets in a document.");
        }

        doc.Sheets.Remove(sheet);
        return [];
    }

    public static JsonObject UpdateSheetProperties(SpreadsheetDoc doc, JsonElement request)
    {
        var properties = Json.Get(request, "properties") ?? default;
        var sheet = BatchUpdateApi.Sheet(doc, Json.Int(properties, "sheetId"));
        var fields = Json.String(request, "fields") ?? throw SheetsError.InvalidArgument("At least one field must be updated, but none were specified.");
        var (oldRows, oldFrozen) = (sheet.RowCount, sheet.FrozenRowCount);
        foreach (var path in ExpandPaths(FieldMask.Parse(fields)))
        {
            ApplyProperty(doc, sheet, properties, path);
        }

        if (doc.Sheets.TrueForAll(s => s.Hidden))
        {
            throw SheetsError.InvalidArgument("You can't hide all the sheets in a document.");
        }

        if (sheet.RowCount != oldRows && sheet.RowCount <= sheet.FrozenRowCount && sheet.FrozenRowCount == oldFrozen)
        {
            throw SheetsError.InvalidArgument("Sorry, it is not possible to delete all non-frozen rows.");
        }

        CheckGrid(sheet);
        sheet.TrimToGrid();
        BatchUpdateApi.CheckCellLimit(doc);
        return [];
    }

    private static IEnumerable<string> ExpandPaths(FieldMask mask) =>
        mask.SelectsAll && mask.Children.Count <= 1
            ? ["title", "index", "hidden", "rightToLeft", "tabColorStyle", "gridProperties"]
            : mask.LeafPaths();

    private static void ApplyProperty(SpreadsheetDoc doc, SheetDoc sheet, JsonElement properties, string path)
    {
        var grid = Json.Get(properties, "gridProperties") ?? default;
        switch (path)
        {
            case "title":
                var title = Json.String(properties, "title") ?? string.Empty;
                if (doc.FindSheet(title) is { } other && other != sheet)
                {
                    throw SheetsError.InvalidArgument($"A sheet with the name \"{title}\" already exists. Please enter another name.");
                }

                sheet.Title = title;
                break;
            case "index":
                MoveSheet(doc, sheet, Json.Int(properties, "index") ?? 0);
                break;
            case "hidden":
                sheet.Hidden = Json.Bool(properties, "hidden") ?? false;
                break;
            case "rightToLeft":
                sheet.RightToLeft = Json.Bool(properties, "rightToLeft") ?? false;
                break;
            case "tabColorStyle" or "tabColor" or "tabColorStyle.rgbColor":
                sheet.TabColorStyle = (Json.Node(Json.Get(properties, "tabColorStyle")) ?? ColorStyle(Json.Get(properties, "tabColor"))) as JsonObject;
                break;
            case "gridProperties":
                foreach (var name in new[] { "rowCount", "columnCount", "frozenRowCount", "frozenColumnCount" })
                {
                    ApplyProperty(doc, sheet, properties, "gridProperties." + name);
                }

                break;
            case "gridProperties.rowCount":
                sheet.RowCount = Json.Int(grid, "rowCount") ?? 0;
                break;
            case "gridProperties.columnCount":
                sheet.ColumnCount = Json.Int(grid, "columnCount") ?? 0;
                break;
            case "gridProperties.frozenRowCount":
                sheet.FrozenRowCount = Json.Int(grid, "frozenRowCount") ?? 0;
                break;
            case "gridProperties.frozenColumnCount":
                sheet.FrozenColumnCount = Json.Int(grid, "frozenColumnCount") ?? 0;
                break;
            case "gridProperties.hideGridlines" or "sheetType" or "sheetId":
                break;
            default:
                throw SheetsError.InvalidArgument($"Invalid field mask: {path} is not a field of SheetProperties.");
        }
    }

    /// <summary>
    /// Moves a tab in "before the move" indexes (SheetProperties.index reference): with S1, S2, S3, moving S1 ahead of
    /// S2 takes index 2; a move to the current index or the one after it is ignored.
    /// </summary>
    private static void MoveSheet(SpreadsheetDoc doc, SheetDoc sheet, int index)
    {
        var from = doc.Sheets.IndexOf(sheet);
        if (index == from || index == from + 1)
        {
            return;
        }

        doc.Sheets.Remove(sheet);
        doc.Sheets.Insert(Math.Clamp(index > from ? index - 1 : index, 0, doc.Sheets.Count), sheet);
    }

    private static JsonObject? ColorStyle(JsonElement? color) =>
        color is null ? null : new JsonObject { ["rgbColor"] = Json.Node(color) };

    private static void CheckGrid(SheetDoc sheet)
    {
        if (sheet.RowCount < 1 || sheet.ColumnCount < 1)
        {
            throw SheetsError.InvalidArgument("The grid must have at least one row and one column.");
        }

        if (sheet.ColumnCount > A1Notation.MaxColumns)
        {
            throw SheetsError.InvalidArgument(
                $"This action would increase the number of columns in the sheet above the limit of {A1Notation.MaxColumns}.");
        }

        if (sheet.FrozenRowCount >= sheet.RowCount)
        {
            throw SheetsError.InvalidArgument("You can't freeze all visible rows on the sheet.");
        }

        if (sheet.FrozenColumnCount >= sheet.ColumnCount)
        {
            throw SheetsError.InvalidArgument("You can't freeze all visible columns on the sheet.");
        }
    }

    public static JsonObject UpdateSpreadsheetProperties(SpreadsheetDoc doc, JsonElement request)
    {
        var properties = Json.Get(request, "properties") ?? default;
        var fields = Json.String(request, "fields") ?? throw SheetsError.InvalidArgument("At least one field must be updated, but none were specified.");
        var mask = FieldMask.Parse(fields);
        bool Selected(string name) => mask.SelectsAll || mask.Children.ContainsKey(name);
        doc.Title = Selected("title") ? Json.String(properties, "title") ?? doc.Title : doc.Title;
        doc.Locale = Selected("locale") ? Json.String(properties, "locale") ?? doc.Locale : doc.Locale;
        doc.TimeZone = Selected("timeZone") ? Json.String(properties, "timeZone") ?? doc.TimeZone : doc.TimeZone;
        return [];
    }

    public static JsonObject SetBasicFilter(SpreadsheetDoc doc, JsonElement request)
    {
        var filter = Json.Get(request, "filter") ?? default;
        var range = Json.Get(filter, "range");
        var sheet = BatchUpdateApi.Sheet(doc, range is { } r ? Json.Int(r, "sheetId") : 0);
        var stored = Json.Node(filter) as JsonObject ?? [];
        stored["range"] = BatchUpdateApi.GridRangeJson(range);
        sheet.BasicFilter = stored;
        return [];
    }

    public static JsonObject ClearBasicFilter(SpreadsheetDoc doc, JsonElement request)
    {
        BatchUpdateApi.Sheet(doc, Json.Int(request, "sheetId")).BasicFilter = null;
        return [];
    }

    public static JsonObject AddProtectedRange(SpreadsheetDoc doc, JsonElement request)
    {
        var source = Json.Get(request, "protectedRange") ?? default;
        var range = Json.Get(source, "range");
        var sheet = BatchUpdateApi.Sheet(doc, range is { } r ? Json.Int(r, "sheetId") : 0);
        var stored = Json.Proto3(Json.Node(source) as JsonObject ?? []);
        stored.Remove("range");
        var result = new JsonObject { ["protectedRangeId"] = Json.Int(source, "protectedRangeId") ?? doc.NewId(), ["range"] = BatchUpdateApi.GridRangeJson(range) };
        foreach (var (name, value) in stored.Where(p => p.Key is not ("requestingUserCanEdit" or "editors" or "protectedRangeId")))
        {
            result[name] = value?.DeepClone();
        }

        // The server always reports that the requesting user can edit, whatever was sent.
        result["requestingUserCanEdit"] = true;
        result["editors"] = stored["editors"]?.DeepClone() ?? new JsonObject();
        sheet.ProtectedRanges.Add(result);
        return new JsonObject { ["addProtectedRange"] = new JsonObject { ["protectedRange"] = result.DeepClone() } };
    }

    private static string NextTitle(SpreadsheetDoc doc)
    {
        for (var n = doc.Sheets.Count + 1; ; n++)
        {
            var title = "Sheet" + n.ToString(CultureInfo.InvariantCulture);
            if (doc.FindSheet(title) is null)
            {
                return title;
            }
        }
    }
}
