using System.Text.Json;
using Hamgam.Sheets.Http;

namespace Hamgam.Sheets;

/// <summary>
/// Exact sizes, in UTF-8 bytes, of what <see cref="SpreadsheetsClient.BatchUpdateAsync"/> puts on the wire, so a caller
/// can keep each request under Google's recommended 2 MB (https://developers.google.com/sheets/api/limits).
/// The body is compact JSON: <c>{"requests":[r1,r2,…]}</c>, so its size is <see cref="EmptyBatchBytes"/> plus the
/// requests' sizes plus one comma between each two.
/// </summary>
public static class SheetsPayload
{
    /// <summary>The size of a batchUpdate body with no requests: <c>{"requests":[]}</c>.</summary>
    public static int EmptyBatchBytes { get; } = BatchUpdateBytes([]);

    /// <summary>The size of the batchUpdate body holding <paramref name="requests"/>.</summary>
    public static int BatchUpdateBytes(IReadOnlyList<SheetsRequest> requests) =>
        JsonSerializer.SerializeToUtf8Bytes(new BatchUpdateSpreadsheetRequest(requests), SheetsJsonContext.Wire.BatchUpdateSpreadsheetRequest).Length;

    /// <summary>The size of one request inside a batchUpdate body.</summary>
    public static int Bytes(SheetsRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(request, SheetsJsonContext.Wire.SheetsRequest).Length;

    /// <summary>The size of one row inside an updateCells request (rows are separated by one comma).</summary>
    public static int Bytes(RowData row) =>
        JsonSerializer.SerializeToUtf8Bytes(row, SheetsJsonContext.Wire.RowData).Length;
}
