using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>Renders a spreadsheet as spreadsheets.get returns it (proto3 style: zero and false left out, except sheetId and index).</summary>
internal static class SpreadsheetJson
{
    // The defaultFormat and spreadsheetTheme Google gives a new spreadsheet (copied from the recorded response).
    private const string Defaults = """
{"defaultFormat":{"backgroundColor":{"red":1,"green":1,"blue":1},"padding":{"top":2,"right":3,"bottom":2,"left":3},"verticalAlignment":"BOTTOM","wrapStrategy":"OVERFLOW_CELL","textFormat":{"foregroundColor":{},"fontFamily":"arial,sans,sans-serif","fontSize":10,"bold":false,"italic":false,"strikethrough":false,"underline":false,"foregroundColorStyle":{"rgbColor":{}}},"backgroundColorStyle":{"rgbColor":{"red":1,"green":1,"blue":1}}},"spreadsheetTheme":{"primaryFontFamily":"Arial","themeColors":[{"colorType":"TEXT","color":{"rgbColor":{}}},{"colorType":"BACKGROUND","color":{"rgbColor":{"red":1,"green":1,"blue":1}}},{"colorType":"ACCENT1","color":{"rgbColor":{"red":0.25882354,"green":0.52156866,"blue":0.95686275}}},{"colorType":"ACCENT2","color":{"rgbColor":{"red":0.91764706,"green":0.2627451,"blue":0.20784314}}},{"colorType":"ACCENT3","color":{"rgbColor":{"red":0.9843137,"green":0.7372549,"blue":0.015686275}}},{"colorType":"ACCENT4","color":{"rgbColor":{"red":0.20392157,"green":0.65882355,"blue":0.3254902}}},{"colorType":"ACCENT5","color":{"rgbColor":{"red":1,"green":0.42745098,"blue":0.003921569}}},{"colorType":"ACCENT6","color":{"rgbColor":{"red":0.27450982,"green":0.7411765,"blue":0.7764706}}},{"colorType":"LINK","color":{"rgbColor":{"red":0.06666667,"green":0.33333334,"blue":0.8}}}]}}
""";

    private static readonly JsonObject DefaultsNode = JsonNode.Parse(Defaults)!.AsObject();

    public static readonly SchemaNode Schema = SchemaNode.Of(
        ("spreadsheetId", SchemaNode.Open),
        ("properties", SchemaNode.Leaves("title", "locale", "autoRecalc", "timeZone", "defaultFormat", "iterativeCalculationSettings", "spreadsheetTheme", "importFunctionsExternalUrlAccessAllowed")),
        ("sheets", SchemaNode.Of(
            ("properties", SchemaNode.Of(
                ("sheetId", SchemaNode.Open),
                ("title", SchemaNode.Open),
                ("index", SchemaNode.Open),
                ("sheetType", SchemaNode.Open),
                ("gridProperties", SchemaNode.Leaves("rowCount", "columnCount", "frozenRowCount", "frozenColumnCount", "hideGridlines", "rowGroupControlAfter", "columnGroupControlAfter")),
                ("hidden", SchemaNode.Open),
                ("tabColor", SchemaNode.Open),
                ("tabColorStyle", SchemaNode.Open),
                ("rightToLeft", SchemaNode.Open),
                ("dataSourceSheetProperties", SchemaNode.Open))),
            ("data", SchemaNode.Open),
            ("merges", SchemaNode.Open),
            ("conditionalFormats", SchemaNode.Open),
            ("filterViews", SchemaNode.Open),
            ("protectedRanges", SchemaNode.Open),
            ("basicFilter", SchemaNode.Open),
            ("charts", SchemaNode.Open),
            ("bandedRanges", SchemaNode.Open),
            ("developerMetadata", SchemaNode.Open),
            ("rowGroups", SchemaNode.Open),
            ("columnGroups", SchemaNode.Open),
            ("slicers", SchemaNode.Open),
            ("tables", SchemaNode.Open))),
        ("namedRanges", SchemaNode.Open),
        ("spreadsheetUrl", SchemaNode.Open),
        ("developerMetadata", SchemaNode.Open),
        ("dataSources", SchemaNode.Open),
        ("dataSourceSchedules", SchemaNode.Open));

    public static JsonObject Render(SpreadsheetDoc doc, IReadOnlyList<GridBox>? ranges, bool includeGridData)
    {
        var sheets = new JsonArray();
        foreach (var sheet in doc.Sheets)
        {
            var boxes = ranges?.Where(r => r.Sheet == sheet).ToList();
            if (boxes is { Count: 0 })
            {
                continue;
            }

            var node = new JsonObject { ["properties"] = Properties(doc, sheet) };
            if (includeGridData)
            {
                node["data"] = new JsonArray([.. (boxes ?? [new GridBox(sheet, 0, 0, sheet.RowCount, sheet.ColumnCount)]).Select(GridData)]);
            }

            if (sheet.ProtectedRanges.Count > 0)
            {
                node["protectedRanges"] = new JsonArray([.. sheet.ProtectedRanges.Select(p => p.DeepClone())]);
            }

            if (sheet.BasicFilter is not null)
            {
                node["basicFilter"] = sheet.BasicFilter.DeepClone();
            }

            sheets.Add(node);
        }

        var properties = new JsonObject
        {
            ["title"] = doc.Title,
            ["locale"] = doc.Locale,
            ["autoRecalc"] = "ON_CHANGE",
            ["timeZone"] = doc.TimeZone,
            ["defaultFormat"] = DefaultsNode["defaultFormat"]!.DeepClone(),
            ["spreadsheetTheme"] = DefaultsNode["spreadsheetTheme"]!.DeepClone(),
        };
        return new JsonObject
        {
            ["spreadsheetId"] = doc.Id,
            ["properties"] = properties,
            ["sheets"] = sheets,
            ["spreadsheetUrl"] = $"https://docs.google.com/spreadsheets/d/{doc.Id}/edit",
        };
    }

    public static JsonObject Properties(SpreadsheetDoc doc, SheetDoc sheet)
    {
        var grid = new JsonObject { ["rowCount"] = sheet.RowCount, ["columnCount"] = sheet.ColumnCount };
        if (sheet.FrozenRowCount > 0)
        {
            grid["frozenRowCount"] = sheet.FrozenRowCount;
        }

        if (sheet.FrozenColumnCount > 0)
        {
            grid["frozenColumnCount"] = sheet.FrozenColumnCount;
        }

        var properties = new JsonObject
        {
            ["sheetId"] = sheet.SheetId,
            ["title"] = sheet.Title,
            ["index"] = doc.IndexOf(sheet),
            ["sheetType"] = "GRID",
            ["gridProperties"] = grid,
        };
        if (sheet.Hidden)
        {
            properties["hidden"] = true;
        }

        if (sheet.RightToLeft)
        {
            properties["rightToLeft"] = true;
        }

        if (sheet.TabColorStyle is not null)
        {
            properties["tabColorStyle"] = sheet.TabColorStyle.DeepClone();
        }

        return properties;
    }

    private static JsonObject GridData(GridBox box)
    {
        var rows = new JsonArray();
        for (var r = box.StartRow; r < box.EndRow && r < box.Sheet.StoredRowCount; r++)
        {
            var values = new JsonArray();
            for (var c = box.StartColumn; c < box.EndColumn && c < box.Sheet.StoredLength(r); c++)
            {
                values.Add(CellData(box.Sheet.Get(r, c)));
            }

            while (values.Count > 0 && values[^1] is JsonObject { Count: 0 })
            {
                values.RemoveAt(values.Count - 1);
            }

            rows.Add(values.Count == 0 ? new JsonObject() : new JsonObject { ["values"] = values });
        }

        var data = new JsonObject();
        if (box.StartRow > 0)
        {
            data["startRow"] = box.StartRow;
        }

        if (box.StartColumn > 0)
        {
            data["startColumn"] = box.StartColumn;
        }

        while (rows.Count > 0 && rows[^1] is JsonObject { Count: 0 })
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (rows.Count > 0)
        {
            data["rowData"] = rows;
        }

        return data;
    }

    public static JsonObject CellData(Cell? cell)
    {
        var node = new JsonObject();
        if (cell is null)
        {
            return node;
        }

        if (cell.HasValue)
        {
            node["userEnteredValue"] = cell.Formula is not null ? new JsonObject { ["formulaValue"] = cell.Formula } : ExtendedValue(cell.Entered!.Value);
            node["effectiveValue"] = ExtendedValue(cell.Effective ?? CellValue.Of(string.Empty));
            node["formattedValue"] = CellRender.Formatted(cell);
        }

        if (cell.Format is not null)
        {
            node["userEnteredFormat"] = cell.Format.DeepClone();
        }

        if (cell.Note is not null)
        {
            node["note"] = cell.Note;
        }

        return node;
    }

    private static JsonObject ExtendedValue(CellValue value) => value.Kind switch
    {
        CellKind.Number => new JsonObject { ["numberValue"] = value.Number },
        CellKind.Bool => new JsonObject { ["boolValue"] = value.Bool },
        CellKind.Error => new JsonObject { ["errorValue"] = new JsonObject { ["type"] = "ERROR", ["message"] = value.Text } },
        _ => new JsonObject { ["stringValue"] = value.Text },
    };
}
