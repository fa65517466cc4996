using System.Text;
using Hamgam.Sheets.Http;

namespace Hamgam.Sheets;

/// <summary>spreadsheets.get and spreadsheets.batchUpdate.</summary>
public sealed class SpreadsheetsClient
{
    private readonly SheetsHttp _http;

    internal SpreadsheetsClient(SheetsHttp http) => _http = http;

    /// <summary>
    /// Reads a spreadsheet's metadata. <paramref name="fields"/> is a partial-response mask, e.g.
    /// <c>spreadsheetId,properties(title,timeZone),sheets.properties(sheetId,title,index,gridProperties)</c>.
    /// </summary>
    public Task<Spreadsheet> GetAsync(
        string spreadsheetId,
        string? fields = null,
        IEnumerable<string>? ranges = null,
        bool includeGridData = false,
        CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder();
        if (fields is not null)
        {
            query.Append("&fields=").Append(Uri.EscapeDataString(fields));
        }

        foreach (var range in ranges ?? [])
        {
            query.Append("&ranges=").Append(Uri.EscapeDataString(range));
        }

        if (includeGridData)
        {
            query.Append("&includeGridData=true");
        }

        var path = "v4/spreadsheets/" + SheetsHttp.Segment(spreadsheetId) + (query.Length > 0 ? "?" + query.ToString(1, query.Length - 1) : string.Empty);
        return _http.GetAsync(path, SheetsJsonContext.Wire.Spreadsheet, cancellationToken);
    }

    /// <summary>
    /// Runs the requests in order, atomically: if one fails validation nothing is applied and a
    /// <see cref="SheetsApiException"/> names it (<c>Invalid requests[2].updateCells: ...</c>).
    /// A batch that adds tabs or rows is not retried after a 5xx, since it may have been applied.
    /// </summary>
    public Task<BatchUpdateSpreadsheetResponse> BatchUpdateAsync(
        string spreadsheetId,
        IEnumerable<SheetsRequest> requests,
        CancellationToken cancellationToken = default)
    {
        var list = requests.ToList();
        return _http.SendAsync(
            HttpMethod.Post,
            "v4/spreadsheets/" + SheetsHttp.Segment(spreadsheetId) + ":batchUpdate",
            new BatchUpdateSpreadsheetRequest(list),
            SheetsJsonContext.Wire.BatchUpdateSpreadsheetRequest,
            SheetsJsonContext.Wire.BatchUpdateSpreadsheetResponse,
            idempotent: list.TrueForAll(r => r.IsIdempotent),
            cancellationToken);
    }
}
