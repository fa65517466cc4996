using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Tests.Sheets;

public sealed class ValuesBehaviourTests : IAsyncLifetime
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
    public async Task Get_RaggedRows_DropsTrailingEmptyCellsAndRows()
    {
        await _harness.UpdateValuesAsync(_id, "Sheet1!A1", SheetsHarness.Rows(["a", "b", ""], ["c"], ["", ""]));

        var (_, body) = await _harness.GetAsync($"v4/spreadsheets/{_id}/values/Sheet1!A1:D5");

        Assert.Equal("""{"range":"Sheet1!A1:D5","majorDimension":"ROWS","values":[["a","b"],["c"]]}""", body!.ToJsonString());
    }

    [Fact]
    public async Task Get_EmptyRange_HasNoValuesKey()
    {
        var (status, body) = await _harness.GetAsync($"v4/spreadsheets/{_id}/values/%27Sheet1%27%21D4");

        Assert.Equal(200, status);
        Assert.Equal("""{"range":"Sheet1!D4","majorDimension":"ROWS"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task Get_UserEnteredDate_IsSerialUnformattedAndTextFormatted()
    {
        await _harness.UpdateValuesAsync(_id, "Sheet1!A1", SheetsHarness.Rows(["2020-01-01", "1999-01-02 06:00:00"]), "USER_ENTERED");

        var (_, serial) = await _harness.GetAsync($"v4/spreadsheets/{_id}/values/Sheet1!A1:B1?valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=SERIAL_NUMBER");
        var (_, text) = await _harness.GetAsync($"v4/spreadsheets/{_id}/values/Sheet1!A1:B1?valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=FORMATTED_STRING");
        var (_, formatted) = await _harness.GetAsync($"v4/spreadsheets/{_id}/values/Sheet1!A1:B1");

        Assert.Equal("[[43831,36162.25]]", serial!["values"]!.ToJsonString());
        Assert.Equal("""[["2020-01-01","1999-01-02 06:00:00"]]""", text!["values"]!.ToJsonString());
        Assert.Equal("""[["2020-01-01","1999-01-02 06:00:00"]]""", formatted!["values"]!.ToJsonString());
    }

    [Fact]
    public async Task Update_RawKeepsFormulaTextAndPersian_UserEnteredEvaluates()
    {
        await _harness.UpdateValuesAsync(_id, "Sheet1!A1", SheetsHarness.Rows(["=HYPERLINK(\"x\")", "سلام دنیا", "=1+2", "0050"]));
        await _harness.UpdateValuesAsync(_id, "Sheet1!A2", SheetsHarness.Rows(["=HYPERLINK(\"x\")", "'=1+2", "=1+2", "0050"]), "USER_ENTERED");

        var (_, formula) = await _harness.GetAsync($"v4/spreadsheets/{_id}/values/Sheet1!A1:D2?valueRenderOption=FORMULA");
        var (_, unformatted) = await _harness.GetAsync($"v4/spreadsheets/{_id}/values/Sheet1!A1:D2?valueRenderOption=UNFORMATTED_VALUE");

        Assert.Equal("""[["=HYPERLINK(\"x\")","سلام دنیا","=1+2","0050"],["=HYPERLINK(\"x\")","=1+2","=1+2",50]]""", formula!["values"]!.ToJsonString(Unescaped));
        Assert.Equal("""[["=HYPERLINK(\"x\")","سلام دنیا","=1+2","0050"],["x","=1+2",3,50]]""", unformatted!["values"]!.ToJsonString(Unescaped));
    }

    [Fact]
    public async Task Update_NullSkipsAndEmptyStringClears()
    {
        await _harness.UpdateValuesAsync(_id, "Sheet1!A1", SheetsHarness.Rows(["a", "b", "c"]));

        await _harness.PutAsync($"v4/spreadsheets/{_id}/values/Sheet1!A1?valueInputOption=RAW", SheetsHarness.Parse("""{"values":[[null,"","z"]]}"""));

        Assert.Equal([["a", "", "z"]], _harness.Emulator.Spreadsheets.ReadCells(_id, "Sheet1"));
    }

    [Fact]
    public async Task Update_BoundedRangeSmallerThanData_Is400()
    {
        var (status, body) = await _harness.PutAsync(
            $"v4/spreadsheets/{_id}/values/Sheet1!A1:B1?valueInputOption=RAW",
            new JsonObject { ["values"] = SheetsHarness.Rows(["a", "b", "c"]) });

        Assert.Equal(400, status);
        Assert.Equal("Requested writing within range [Sheet1!A1:B1], but tried writing to column [C]", (string?)body!["error"]!["message"]);
    }

    [Fact]
    public async Task Update_StartOutsideGrid_Is400GridLimits()
    {
        var (status, body) = await _harness.PutAsync(
            $"v4/spreadsheets/{_id}/values/Sheet1!A1001?valueInputOption=RAW",
            new JsonObject { ["values"] = SheetsHarness.Rows(["a"]) });

        Assert.Equal(400, status);
        Assert.Equal("Range (Sheet1!A1001) exceeds grid limits. Max rows: 1000, max columns: 26", (string?)body!["error"]!["message"]);
    }

    [Fact]
    public async Task Update_MissingValueInputOption_Is400()
    {
        var (status, body) = await _harness.PutAsync($"v4/spreadsheets/{_id}/values/Sheet1!A1", new JsonObject { ["values"] = SheetsHarness.Rows(["a"]) });

        Assert.Equal(400, status);
        Assert.Equal("'valueInputOption' is required but not specified", (string?)body!["error"]!["message"]);
    }

    [Theory]
    [InlineData("Nope!A1")]
    [InlineData("Sheet1!A1:B2:C3")]
    public async Task Get_UnknownSheetOrGarbage_Is400UnableToParse(string range)
    {
        var (status, body) = await _harness.GetAsync($"v4/spreadsheets/{_id}/values/{Uri.EscapeDataString(range)}");

        Assert.Equal(400, status);
        Assert.Equal($"Unable to parse range: {range}", (string?)body!["error"]!["message"]);
        Assert.Equal("INVALID_ARGUMENT", (string?)body["error"]!["status"]);
    }

    [Fact]
    public async Task QuotedTitles_WithApostropheAndPersian_RoundTrip()
    {
        await _harness.BatchUpdateAsync(_id, AddSheet("Jon's Data"), AddSheet("گزارش روزانه"));

        var (_, update) = await _harness.PutAsync(
            $"v4/spreadsheets/{_id}/values/{Uri.EscapeDataString("'Jon''s Data'!B2")}?valueInputOption=RAW",
            new JsonObject { ["values"] = SheetsHarness.Rows(["x"]) });
        await _harness.UpdateValuesAsync(_id, "'گزارش روزانه'!A1", SheetsHarness.Rows(["تاریخ", "حال"]));
        var (_, read) = await _harness.GetAsync($"v4/spreadsheets/{_id}/values/{Uri.EscapeDataString("'گزارش روزانه'!A:B")}");

        Assert.Equal("'Jon''s Data'!B2", (string?)update!["updatedRange"]);
        Assert.Equal("'گزارش روزانه'!A1:B1000", (string?)read!["range"]);
        Assert.Equal("""[["تاریخ","حال"]]""", read["values"]!.ToJsonString(Unescaped));
    }

    [Fact]
    public async Task BatchUpdate_LaterRangeInvalid_ChangesNothing()
    {
        var body = SheetsHarness.Parse("""{"valueInputOption":"RAW","data":[{"range":"Sheet1!A1","values":[["kept?"]]},{"range":"Nope!A1","values":[["x"]]}]}""");

        var (status, error) = await _harness.PostAsync($"v4/spreadsheets/{_id}/values:batchUpdate", body);

        Assert.Equal(400, status);
        Assert.Equal("Invalid data[1]: Unable to parse range: Nope!A1", (string?)error!["error"]!["message"]);
        Assert.Empty(_harness.Emulator.Spreadsheets.ReadCells(_id, "Sheet1"));
    }

    [Fact]
    public async Task Append_TwiceAfterHeader_LandsBelowTable()
    {
        await _harness.UpdateValuesAsync(_id, "Sheet1!A1", SheetsHarness.Rows(["h1", "h2"]));

        await _harness.PostAsync($"v4/spreadsheets/{_id}/values/Sheet1!A1:append?valueInputOption=RAW", new JsonObject { ["values"] = SheetsHarness.Rows(["a", "b"]) });
        var (_, second) = await _harness.PostAsync($"v4/spreadsheets/{_id}/values/Sheet1!A1:append?valueInputOption=RAW", new JsonObject { ["values"] = SheetsHarness.Rows(["c", "d"]) });

        Assert.Equal("Sheet1!A1:B2", (string?)second!["tableRange"]);
        Assert.Equal("Sheet1!A3:B3", (string?)second["updates"]!["updatedRange"]);
    }

    [Fact]
    public async Task Clear_KeepsFormattingAndReportsClampedRange()
    {
        await _harness.UpdateValuesAsync(_id, "Sheet1!A1", SheetsHarness.Rows(["a", "b"]));
        await _harness.BatchUpdateAsync(_id, SheetsHarness.Parse("""{"repeatCell":{"range":{"sheetId":0,"startRowIndex":0,"endRowIndex":1},"cell":{"userEnteredFormat":{"textFormat":{"bold":true}}},"fields":"userEnteredFormat.textFormat.bold"}}"""));

        var (_, body) = await _harness.PostAsync($"v4/spreadsheets/{_id}/values/Sheet1!A:A:clear", null);

        Assert.Equal("Sheet1!A1:A1000", (string?)body!["clearedRange"]);
        Assert.Equal([["", "b"]], _harness.Emulator.Spreadsheets.ReadCells(_id, "Sheet1"));
        Assert.True(_harness.Emulator.Spreadsheets.GetCell(_id, "Sheet1", 0, 0)!.Bold);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static JsonObject AddSheet(string title) => new JsonObject { ["addSheet"] = new JsonObject { ["properties"] = new JsonObject { ["title"] = title } } };
}
