namespace Hamgam.Sheets.Tests;

public sealed class SheetsClientTests : IAsyncLifetime
{
    private SheetsClientHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SheetsClientHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private SheetsClient Client => _harness.Client;

    private string Id => _harness.SpreadsheetId;

    [Fact]
    public async Task Values_PersianAndFormulaText_RoundTripUnchangedAsRaw()
    {
        SheetValue[][] rows = [["سلام، همگام!", "=HYPERLINK(\"x\")", "=IMPORTRANGE(\"a\",\"b\")"], [1404, true, "٠١٢"]];

        var update = await Client.Values.UpdateAsync(Id, SheetsA1.Range("Sheet1", "A1"), rows, ValueInputOption.Raw);
        var formatted = await Client.Values.GetAsync(Id, SheetsA1.Range("Sheet1", "A1:C2"));
        var formulas = await Client.Values.GetAsync(Id, "Sheet1!A1:C2", new ValueReadOptions { ValueRender = ValueRenderOption.Formula });

        Assert.Equal("Sheet1!A1:C2", update.UpdatedRange);
        Assert.Equal(6, update.UpdatedCells);
        Assert.Equal(["سلام، همگام!", "=HYPERLINK(\"x\")", "=IMPORTRANGE(\"a\",\"b\")"], formatted.Values![0].Select(v => v.Text));
        Assert.Equal(["1404", "TRUE", "٠١٢"], formatted.Values[1].Select(v => v.Text));
        Assert.Equal(SheetValue.FromNumber(1404), formulas.Values![1][0]);
        Assert.Equal(SheetValue.FromBool(true), formulas.Values[1][1]);
        Assert.Equal("=HYPERLINK(\"x\")", _harness.Emulator.Spreadsheets.ReadCells(Id, "Sheet1")[0][1]);
    }

    [Fact]
    public async Task Values_EmptyRange_HasNullValues()
    {
        var empty = await Client.Values.GetAsync(Id, "Sheet1!D4");

        Assert.Equal("Sheet1!D4", empty.Range);
        Assert.Null(empty.Values);
    }

    [Fact]
    public async Task Values_BatchUpdateBatchGetClearBatchClearAppend_Work()
    {
        var batch = await Client.Values.BatchUpdateAsync(
            Id,
            [new ValueRange { Range = "Sheet1!A1", Values = [["a", "b"]] }, new ValueRange { Range = "'Sheet1'!A3", Values = [["c"]] }],
            ValueInputOption.Raw);
        var appended = await Client.Values.AppendAsync(Id, "Sheet1!A1", [["d"]], ValueInputOption.Raw);
        var read = await Client.Values.BatchGetAsync(Id, ["Sheet1!A:A", "Sheet1!B1"]);
        var cleared = await Client.Values.ClearAsync(Id, "Sheet1!B1");
        var batchCleared = await Client.Values.BatchClearAsync(Id, ["Sheet1!A3", "Sheet1!A4"]);

        Assert.Equal(3, batch.TotalUpdatedCells);
        Assert.Equal("Sheet1!A2", appended.Updates!.UpdatedRange);
        Assert.Equal(["a", "d", "c"], read.ValueRanges![0].Values!.Select(r => r[0].Text));
        Assert.Equal("Sheet1!B1", cleared.ClearedRange);
        Assert.Equal(["Sheet1!A3", "Sheet1!A4"], batchCleared.ClearedRanges);
        Assert.Equal([["a"], ["d"]], _harness.Emulator.Spreadsheets.ReadCells(Id, "Sheet1"));
    }

    [Fact]
    public async Task Spreadsheets_GetWithFieldsMask_ReturnsOnlyMaskedFields()
    {
        var spreadsheet = await Client.Spreadsheets.GetAsync(Id, "spreadsheetId,properties(title,timeZone),sheets.properties(sheetId,title,index,gridProperties)");

        Assert.Equal(Id, spreadsheet.SpreadsheetId);
        Assert.Equal("پشتیبان همگام", spreadsheet.Properties!.Title);
        Assert.Equal("Etc/GMT", spreadsheet.Properties.TimeZone);
        Assert.Null(spreadsheet.SpreadsheetUrl);
        var sheet = Assert.Single(spreadsheet.Sheets!).Properties!;
        Assert.Equal((0, "Sheet1", 1000, 26), (sheet.SheetId, sheet.Title, sheet.GridProperties!.RowCount, sheet.GridProperties.ColumnCount));
    }

    [Fact]
    public async Task Spreadsheets_BackupBatch_AddsTabResizesWritesTypedCellsAndBoldsHeader()
    {
        const int TabId = 4242;
        RowData[] rows =
        [
            Row(ExtendedValue.FromString("تاریخ"), ExtendedValue.FromString("نام")),
            Row(ExtendedValue.FromNumber(46100), ExtendedValue.FromString("=HYPERLINK(\"x\")")),
            Row(ExtendedValue.FromBool(true), ExtendedValue.FromString("")),
        ];

        var response = await Client.Spreadsheets.BatchUpdateAsync(Id,
        [
            SheetsRequest.AddTab("گزارش روزانه", TabId),
            SheetsRequest.ResizeGrid(TabId, rowCount: 3, columnCount: 2, frozenRowCount: 1),
            SheetsRequest.WriteCells(new GridRange { SheetId = TabId, StartRowIndex = 0, EndRowIndex = 3, StartColumnIndex = 0, EndColumnIndex = 2 }, rows),
            SheetsRequest.BoldRows(TabId),
        ]);

        Assert.Equal(TabId, response.Replies![0].AddSheet!.Properties.SheetId);
        Assert.Equal(4, response.Replies.Count);
        var tab = _harness.Emulator.Spreadsheets.FindTab(Id, "گزارش روزانه")!;
        Assert.Equal((3, 2, 1), (tab.RowCount, tab.ColumnCount, tab.FrozenRowCount));
        Assert.Equal([["تاریخ", "نام"], ["46100", "=HYPERLINK(\"x\")"], ["TRUE"]], _harness.Emulator.Spreadsheets.ReadCells(Id, "گزارش روزانه"));
        Assert.Null(_harness.Emulator.Spreadsheets.GetCell(Id, "گزارش روزانه", 1, 1)!.Formula);
        Assert.True(_harness.Emulator.Spreadsheets.GetCell(Id, "گزارش روزانه", 0, 0)!.Bold);
    }

    [Fact]
    public async Task Spreadsheets_InvalidRequestInBatch_ThrowsAndChangesNothing()
    {
        var error = await Assert.ThrowsAsync<SheetsApiException>(() => Client.Spreadsheets.BatchUpdateAsync(Id,
        [
            SheetsRequest.ResizeGrid(0, rowCount: 10, columnCount: 5, frozenRowCount: 1),
            SheetsRequest.WriteCells(new GridRange { SheetId = 0, StartRowIndex = 10, EndRowIndex = 11 }, [Row(ExtendedValue.FromString("x"))]),
        ]));

        Assert.Equal(400, error.Status);
        Assert.Equal("INVALID_ARGUMENT", error.GoogleStatus);
        Assert.StartsWith("Invalid requests[1].updateCells: Range (Sheet1!A11", error.Message, StringComparison.Ordinal);
        Assert.Equal(1000, _harness.Emulator.Spreadsheets.FindTab(Id, "Sheet1")!.RowCount);
    }

    private static RowData Row(params ExtendedValue[] values) => new() { Values = [.. values.Select(v => new CellData { UserEnteredValue = v })] };
}
