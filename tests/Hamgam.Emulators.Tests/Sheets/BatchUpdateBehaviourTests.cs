using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Hamgam.Emulators.Tests.Sheets;

public sealed class BatchUpdateBehaviourTests(ITestOutputHelper output) : IAsyncLifetime
{
    private SheetsHarness _harness = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _harness = await SheetsHarness.StartAsync();
        _id = _harness.Emulator.Spreadsheets.CreateSpreadsheet();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task BatchUpdate_FailingRequestInTheMiddle_ChangesNothing()
    {
        var body = SheetsHarness.Parse("""
            {"requests":[
              {"addSheet":{"properties":{"title":"Daily Log"}}},
              {"updateCells":{"start":{"sheetId":0},"rows":[{"values":[{"userEnteredValue":{"stringValue":"x"}}]}],"fields":"userEnteredValue"}},
              {"updateCells":{"range":{"sheetId":0,"startRowIndex":1000,"endRowIndex":1001},"rows":[{"values":[{"userEnteredValue":{"stringValue":"y"}}]}],"fields":"userEnteredValue"}},
              {"updateSheetProperties":{"properties":{"sheetId":0,"gridProperties":{"frozenRowCount":1}},"fields":"gridProperties.frozenRowCount"}}
            ]}
            """);

        var (status, error) = await _harness.PostAsync($"v4/spreadsheets/{_id}:batchUpdate", body);

        Assert.Equal(400, status);
        Assert.Equal("Invalid requests[2].updateCells: Range (Sheet1!A1001:1001) exceeds grid limits. Max rows: 1000, max columns: 26", (string?)error!["error"]!["message"]);
        var tab = Assert.Single(_harness.Emulator.Spreadsheets.GetTabs(_id));
        Assert.Equal(0, tab.FrozenRowCount);
        Assert.Empty(_harness.Emulator.Spreadsheets.ReadCells(_id, "Sheet1"));
    }

    [Fact]
    public async Task UpdateCells_RangeEndingPastGrid_Is400()
    {
        var (status, error) = await _harness.PostAsync($"v4/spreadsheets/{_id}:batchUpdate", SheetsHarness.Parse("""
            {"requests":[{"updateCells":{"range":{"sheetId":0,"startRowIndex":998,"endRowIndex":1002,"startColumnIndex":0,"endColumnIndex":1},"rows":[],"fields":"userEnteredValue"}}]}
            """));

        Assert.Equal(400, status);
        Assert.Equal("Invalid requests[0].updateCells: Range (Sheet1!A999:A1002) exceeds grid limits. Max rows: 1000, max columns: 26", (string?)error!["error"]!["message"]);
    }

    [Fact]
    public async Task UpdateCells_RangeLargerThanRows_ClearsTheRest()
    {
        await _harness.UpdateValuesAsync(_id, "Sheet1!A1", SheetsHarness.Rows(["old", "old"], ["old", "old"]));

        await _harness.BatchUpdateAsync(_id, SheetsHarness.Parse("""
            {"updateCells":{"range":{"sheetId":0,"startRowIndex":0,"endRowIndex":2,"startColumnIndex":0,"endColumnIndex":2},"rows":[{"values":[{"userEnteredValue":{"numberValue":1}}]}],"fields":"userEnteredValue"}}
            """));

        Assert.Equal([["1"]], _harness.Emulator.Spreadsheets.ReadCells(_id, "Sheet1"));
    }

    [Fact]
    public async Task BatchUpdate_BackupShape_AddsTabResizesFreezesWritesAndBoldsHeader()
    {
        var reply = await _harness.BatchUpdateAsync(_id, Backup(sheetId: 42, rows: 3, columns: 2).ToArray());

        var tab = _harness.Emulator.Spreadsheets.FindTab(_id, "Daily Log")!;
        Assert.Equal((42, 3, 2, 1), (tab.SheetId, tab.RowCount, tab.ColumnCount, tab.FrozenRowCount));
        Assert.Equal([["c0", "c1"], ["r1c0", "=HYPERLINK(\"x\")"], ["r2c0", "=HYPERLINK(\"x\")"]], _harness.Emulator.Spreadsheets.ReadCells(_id, "Daily Log"));
        Assert.True(_harness.Emulator.Spreadsheets.GetCell(_id, "Daily Log", 0, 1)!.Bold);
        Assert.False(_harness.Emulator.Spreadsheets.GetCell(_id, "Daily Log", 1, 1)!.Bold);
        Assert.Equal(4, reply["replies"]!.AsArray().Count);
        Assert.Equal(42, (int)reply["replies"]![0]!["addSheet"]!["properties"]!["sheetId"]!);
    }

    [Fact]
    public async Task BatchUpdate_OneHundredSixtyThousandCells_AppliesQuicklyAndAtomically()
    {
        const int Rows = 13_000;
        var requests = Backup(sheetId: 7, rows: Rows + 1, columns: 12);
        var body = new JsonObject { ["requests"] = new JsonArray([.. requests]) }.ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var watch = Stopwatch.StartNew();
        using var response = await _harness.Http.PostAsync($"v4/spreadsheets/{_id}:batchUpdate", content);
        watch.Stop();

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        output.WriteLine($"payload {body.Length / 1024} KiB, {(Rows + 1) * 12} cells, applied in {watch.ElapsedMilliseconds} ms");
        var cells = _harness.Emulator.Spreadsheets.ReadCells(_id, "Daily Log");
        Assert.Equal(Rows + 1, cells.Length);
        Assert.Equal("r13000c11", cells[^1][^1]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task UpdateSheetProperties_PastTenMillionCells_Is400AndChangesNothing()
    {
        var (status, error) = await _harness.PostAsync($"v4/spreadsheets/{_id}:batchUpdate", SheetsHarness.Parse("""
            {"requests":[{"updateSheetProperties":{"properties":{"sheetId":0,"gridProperties":{"rowCount":400000,"columnCount":26}},"fields":"gridProperties(rowCount,columnCount)"}}]}
            """));

        Assert.Equal(400, status);
        Assert.Equal(
            "Invalid requests[0].updateSheetProperties: This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
            (string?)error!["error"]!["message"]);
        Assert.Equal(26_000, _harness.Emulator.Spreadsheets.TotalCells(_id));
    }

    [Theory]
    [InlineData(0, 1000, "You can't delete all the rows on the sheet.")]
    [InlineData(990, 1001, "Cannot delete a row that doesn't exist. Tried to delete row index 1000 but there are only 1000 rows.")]
    public async Task DeleteDimension_Refusals_Are400(int start, int end, string message)
    {
        var request = new JsonObject
        {
            ["deleteDimension"] = new JsonObject { ["range"] = new JsonObject { ["sheetId"] = 0, ["dimension"] = "ROWS", ["startIndex"] = start, ["endIndex"] = end } },
        };

        var (status, error) = await _harness.PostAsync($"v4/spreadsheets/{_id}:batchUpdate", new JsonObject { ["requests"] = new JsonArray(request) });

        Assert.Equal(400, status);
        Assert.Equal("Invalid requests[0].deleteDimension: " + message, (string?)error!["error"]!["message"]);
    }

    [Fact]
    public async Task AddSheet_DuplicateTitle_Is400()
    {
        var (status, error) = await _harness.PostAsync($"v4/spreadsheets/{_id}:batchUpdate", SheetsHarness.Parse("""{"requests":[{"addSheet":{"properties":{"title":"sheet1"}}}]}"""));

        Assert.Equal(400, status);
        Assert.Equal("Invalid requests[0].addSheet: A sheet with the name \"sheet1\" already exists. Please enter another name.", (string?)error!["error"]!["message"]);
    }

    [Fact]
    public async Task Get_FieldsMaskAndBasicFilter_ReturnsOnlyMaskedFields()
    {
        await _harness.BatchUpdateAsync(
            _id,
            SheetsHarness.Parse("""{"setBasicFilter":{"filter":{"range":{"sheetId":0}}}}"""),
            SheetsHarness.Parse("""{"appendDimension":{"sheetId":0,"dimension":"ROWS","length":500}}"""));

        var (_, body) = await _harness.GetAsync($"v4/spreadsheets/{_id}?fields=spreadsheetId,sheets.properties(sheetId,title,gridProperties(rowCount)),sheets.basicFilter");

        Assert.Equal("""{"spreadsheetId":"ID","sheets":[{"properties":{"sheetId":0,"title":"Sheet1","gridProperties":{"rowCount":1500}},"basicFilter":{"range":{}}}]}""".Replace("ID", _id, StringComparison.Ordinal), body!.ToJsonString());
    }

    /// <summary>The requests the backup sends: addSheet, resize + freeze, updateCells with every cell, bold header.</summary>
    private static List<JsonNode> Backup(int sheetId, int rows, int columns)
    {
        var data = new JsonArray();
        for (var r = 0; r < rows; r++)
        {
            var values = new JsonArray();
            for (var c = 0; c < columns; c++)
            {
                var text = r == 0 ? $"c{c}" : (c == 1 && columns == 2 ? "=HYPERLINK(\"x\")" : $"r{r}c{c}");
                values.Add(new JsonObject { ["userEnteredValue"] = new JsonObject { ["stringValue"] = text } });
            }

            data.Add(new JsonObject { ["values"] = values });
        }

        return
        [
            new JsonObject { ["addSheet"] = new JsonObject { ["properties"] = new JsonObject { ["sheetId"] = sheetId, ["title"] = "Daily Log" } } },
            SheetsHarness.Parse("""{"updateSheetProperties":{"properties":{"sheetId":SID,"gridProperties":{"rowCount":ROWS,"columnCount":COLS,"frozenRowCount":1}},"fields":"gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount"}}""".Replace("SID", $"{sheetId}", StringComparison.Ordinal).Replace("ROWS", $"{rows}", StringComparison.Ordinal).Replace("COLS", $"{columns}", StringComparison.Ordinal)),
            new JsonObject
            {
                ["updateCells"] = new JsonObject
                {
                    ["range"] = new JsonObject { ["sheetId"] = sheetId, ["startRowIndex"] = 0, ["endRowIndex"] = rows, ["startColumnIndex"] = 0, ["endColumnIndex"] = columns },
                    ["rows"] = data,
                    ["fields"] = "userEnteredValue",
                },
            },
            SheetsHarness.Parse("""{"repeatCell":{"range":{"sheetId":SID,"startRowIndex":0,"endRowIndex":1},"cell":{"userEnteredFormat":{"textFormat":{"bold":true}}},"fields":"userEnteredFormat.textFormat.bold"}}""".Replace("SID", $"{sheetId}", StringComparison.Ordinal)),
        ];
    }
}
