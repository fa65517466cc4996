using System.Text.Json.Nodes;
using Hamgam.Emulators.Sheets;

namespace Hamgam.Emulators.Tests.Sheets;

/// <summary>
/// values.append's table detection ("appended to the next row of the table, starting with the first column of the
/// table", values.append reference), sheet moves in "before the move" indexes, and the optional request-size limit.
/// </summary>
public sealed class AppendAndLimitsTests : IAsyncLifetime
{
    private SheetsHarness _harness = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _harness = await SheetsHarness.StartAsync(new SheetsEmulatorOptions { MaxRequestBytes = 4_096 });
        _id = _harness.Emulator.Spreadsheets.CreateSpreadsheet();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("OVERWRITE")]
    [InlineData("INSERT_ROWS")]
    public async Task Append_LastRowStartsWithEmptyCell_LandsInTheTablesFirstColumn(string mode)
    {
        await _harness.UpdateValuesAsync(_id, "Sheet1!A1", SheetsHarness.Rows(["Date", "Mood", "Energy"], ["", "خوب", "7"]));

        var (status, body) = await AppendAsync("%27Sheet1%27", mode, ["2026-11-24", "😊", "8"]);

        Assert.Equal(200, status);
        Assert.Equal("Sheet1!A1:C2", (string?)body!["tableRange"]);
        Assert.Equal("Sheet1!A3:C3", (string?)body["updates"]!["updatedRange"]);
        Assert.Equal(["2026-11-24", "😊", "8"], _harness.Emulator.Spreadsheets.ReadCells(_id, "Sheet1")[2]);
    }

    [Fact]
    public async Task Append_InsertRowsFromAnchor_InsertsAfterTheTableAndShiftsWhatIsBelow()
    {
        await _harness.UpdateValuesAsync(_id, "Sheet1!A1", SheetsHarness.Rows(["h1", "h2", "h3"], ["a", "", "c"], [""], ["note"]));

        var (_, body) = await AppendAsync("%27Sheet1%27%21A1", "INSERT_ROWS", ["x", "y", "z"]);

        Assert.Equal("Sheet1!A1:C2", (string?)body!["tableRange"]);
        Assert.Equal("Sheet1!A3:C3", (string?)body["updates"]!["updatedRange"]);
        Assert.Equal([["h1", "h2", "h3"], ["a", "", "c"], ["x", "y", "z"], [], ["note"]], _harness.Emulator.Spreadsheets.ReadCells(_id, "Sheet1"));
        Assert.Equal(1001, _harness.Emulator.Spreadsheets.FindTab(_id, "Sheet1")!.RowCount);
    }

    [Fact]
    public async Task Append_GapInTheOnlyRow_StillDetectsTheRecordedTable()
    {
        // values_append_table_shift.json: row 1 = [x, "", y] makes the table C1, and the append lands at C2:E2.
        await _harness.UpdateValuesAsync(_id, "Sheet1!A1", SheetsHarness.Rows(["x", "", "y"]));

        var (_, body) = await AppendAsync("%27Sheet1%27", "INSERT_ROWS", ["1", "", "3"]);

        Assert.Equal("Sheet1!C1", (string?)body!["tableRange"]);
        Assert.Equal("Sheet1!C2:E2", (string?)body["updates"]!["updatedRange"]);
    }

    [Fact]
    public async Task UpdateSheetProperties_MoveForward_CountsBeforeTheMoveIndexes()
    {
        await _harness.BatchUpdateAsync(_id, AddSheet("S2"), AddSheet("S3"));

        await _harness.BatchUpdateAsync(_id, SheetsHarness.Parse("""{"updateSheetProperties":{"properties":{"sheetId":0,"index":2},"fields":"index"}}"""));

        Assert.Equal(["S2", "Sheet1", "S3"], _harness.Emulator.Spreadsheets.GetTabs(_id).Select(t => t.Title));
    }

    [Fact]
    public async Task BatchUpdate_BodyOverTheConfiguredLimit_Is400AndChangesNothing()
    {
        var big = new string('ب', 3_000);

        var (status, body) = await _harness.PutAsync(
            $"v4/spreadsheets/{_id}/values/Sheet1!A1?valueInputOption=RAW", new JsonObject { ["values"] = SheetsHarness.Rows([big]) });

        Assert.Equal(400, status);
        Assert.Equal("Request payload size exceeds the limit: 4096 bytes.", (string?)body!["error"]!["message"]);
        Assert.Empty(_harness.Emulator.Spreadsheets.ReadCells(_id, "Sheet1"));
    }

    private Task<(int Status, JsonNode? Body)> AppendAsync(string range, string mode, string[] row) =>
        _harness.PostAsync(
            $"v4/spreadsheets/{_id}/values/{range}:append?valueInputOption=RAW&insertDataOption={mode}",
            new JsonObject { ["values"] = SheetsHarness.Rows(row) });

    private static JsonObject AddSheet(string title) => new() { ["addSheet"] = new JsonObject { ["properties"] = new JsonObject { ["title"] = title } } };
}
