using System.Text;

namespace Hamgam.Sheets.Tests;

public sealed class SheetsPayloadTests
{
    [Fact]
    public void Bytes_PersianAndEmoji_PersianCountsAsUtf8NotEscapes()
    {
        var row = new RowData { Values = [new CellData { UserEnteredValue = ExtendedValue.FromString("می‌خواهم 📚") }] };

        var size = SheetsPayload.Bytes(row);

        // Persian (and the ZWNJ) go as UTF-8; System.Text.Json still escapes characters outside the BMP, such as emoji.
        var expected = """{"values":[{"userEnteredValue":{"stringValue":"می‌خواهم \uD83D\uDCDA"}}]}""";
        Assert.Equal(Encoding.UTF8.GetByteCount(expected), size);
    }

    [Fact]
    public void BatchUpdateBytes_IsTheEmptyBodyPlusRequestsAndCommas()
    {
        SheetsRequest[] requests = [SheetsRequest.DeleteTab(7), SheetsRequest.ShowAs(8, "=HYPERLINK(\"x\")", 1), SheetsRequest.SetHidden(8, false)];

        var size = SheetsPayload.BatchUpdateBytes(requests);

        Assert.Equal(SheetsPayload.EmptyBatchBytes + requests.Sum(SheetsPayload.Bytes) + (requests.Length - 1), size);
        Assert.Equal(Encoding.UTF8.GetByteCount("""{"updateSheetProperties":{"properties":{"sheetId":8,"title":"=HYPERLINK(\"x\")","index":1,"hidden":false},"fields":"title,index,hidden"}}"""), SheetsPayload.Bytes(requests[1]));
    }
}
