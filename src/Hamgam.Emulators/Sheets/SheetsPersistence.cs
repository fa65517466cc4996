using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>Saves and loads the emulator's contents as one JSON file (written to a temporary file, then moved).</summary>
internal static class SheetsPersistence
{
    public static void Save(string path, IEnumerable<SpreadsheetDoc> docs)
    {
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var doc in docs)
            {
                WriteDoc(json, doc);
            }

            json.WriteEndArray();
        }

        File.Move(temp, path, overwrite: true);
    }

    public static IEnumerable<SpreadsheetDoc> Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        foreach (var node in root)
        {
            var doc = new SpreadsheetDoc
            {
                Id = (string)node!["id"]!,
                Title = (string)node["title"]!,
                Locale = (string)node["locale"]!,
                TimeZone = (string)node["timeZone"]!,
                NextId = (int)node["nextId"]!,
                SharedWith = node["sharedWith"] is JsonArray shared
                    ? new HashSet<string>(shared.Select(s => (string)s!), StringComparer.OrdinalIgnoreCase)
                    : null,
            };
            foreach (var sheetNode in node["sheets"]!.AsArray())
            {
                doc.Sheets.Add(ReadSheet(sheetNode!));
            }

            yield return doc;
        }
    }

    private static void WriteDoc(Utf8JsonWriter json, SpreadsheetDoc doc)
    {
        json.WriteStartObject();
        json.WriteString("id", doc.Id);
        json.WriteString("title", doc.Title);
        json.WriteString("locale", doc.Locale);
        json.WriteString("timeZone", doc.TimeZone);
        json.WriteNumber("nextId", doc.NextId);
        if (doc.SharedWith is { } shared)
        {
            json.WriteStartArray("sharedWith");
            foreach (var email in shared)
            {
                json.WriteStringValue(email);
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("sheets");
        foreach (var sheet in doc.Sheets)
        {
            WriteSheet(json, sheet);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSheet(Utf8JsonWriter json, SheetDoc sheet)
    {
        json.WriteStartObject();
        json.WriteNumber("sheetId", sheet.SheetId);
        json.WriteString("title", sheet.Title);
        json.WriteNumber("rowCount", sheet.RowCount);
        json.WriteNumber("columnCount", sheet.ColumnCount);
        json.WriteNumber("frozenRowCount", sheet.FrozenRowCount);
        json.WriteNumber("frozenColumnCount", sheet.FrozenColumnCount);
        json.WriteBoolean("hidden", sheet.Hidden);
        WriteNode(json, "tabColorStyle", sheet.TabColorStyle);
        WriteNode(json, "basicFilter", sheet.BasicFilter);
        WriteNode(json, "protectedRanges", new JsonArray([.. sheet.ProtectedRanges.Select(p => p.DeepClone())]));
        json.WriteStartArray("cells");
        foreach (var (row, column, cell) in sheet.EnumerateCells())
        {
            json.WriteStartObject();
            json.WriteNumber("r", row);
            json.WriteNumber("c", column);
            WriteValue(json, "entered", cell.Entered);
            WriteValue(json, "effective", cell.Effective);
            if (cell.Formula is not null)
            {
                json.WriteString("formula", cell.Formula);
            }

            if (cell.Note is not null)
            {
                json.WriteString("note", cell.Note);
            }

            WriteNode(json, "format", cell.Format);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static SheetDoc ReadSheet(JsonNode node)
    {
        var sheet = new SheetDoc
        {
            SheetId = (int)node["sheetId"]!,
            Title = (string)node["title"]!,
            RowCount = (int)node["rowCount"]!,
            ColumnCount = (int)node["columnCount"]!,
            FrozenRowCount = (int)node["frozenRowCount"]!,
            FrozenColumnCount = (int)node["frozenColumnCount"]!,
            Hidden = (bool)node["hidden"]!,
            TabColorStyle = (JsonObject?)node["tabColorStyle"]?.DeepClone(),
            BasicFilter = (JsonObject?)node["basicFilter"]?.DeepClone(),
        };
        sheet.ProtectedRanges.AddRange(node["protectedRanges"]!.AsArray().Select(p => (JsonObject)p!.DeepClone()));
        foreach (var c in node["cells"]!.AsArray())
        {
            var cell = new Cell(ReadValue(c!["entered"]), (string?)c["formula"], ReadValue(c["effective"]), (JsonObject?)c["format"]?.DeepClone(), (string?)c["note"]);
            sheet.Set((int)c["r"]!, (int)c["c"]!, cell);
        }

        return sheet;
    }

    private static void WriteValue(Utf8JsonWriter json, string name, CellValue? value)
    {
        if (value is not { } v)
        {
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("kind", (int)v.Kind);
        json.WriteString("text", v.Text);
        json.WriteNumber("number", v.Number);
        json.WriteBoolean("bool", v.Bool);
        json.WriteEndObject();
    }

    private static CellValue? ReadValue(JsonNode? node) => node is null
        ? null
        : new CellValue((CellKind)(int)node["kind"]!, (string?)node["text"], (double)node["number"]!, (bool)node["bool"]!);

    private static void WriteNode(Utf8JsonWriter json, string name, JsonNode? node)
    {
        if (node is not null)
        {
            json.WritePropertyName(name);
            node.WriteTo(json);
        }
    }
}
