using System.Text;
using Hamgam.Sheets.Http;

namespace Hamgam.Sheets;

/// <summary>spreadsheets.values.*: ranges are A1 strings (build them with <see cref="SheetsA1"/>).</summary>
public sealed class ValuesClient
{
    private readonly SheetsHttp _http;

    internal ValuesClient(SheetsHttp http) => _http = http;

    /// <summary>Reads a range. Rows come back ragged; <see cref="ValueRange.Values"/> is null for an empty range.</summary>
    public Task<ValueRange> GetAsync(string spreadsheetId, string range, ValueReadOptions? options = null, CancellationToken cancellationToken = default) =>
        _http.GetAsync(Values(spreadsheetId) + "/" + SheetsHttp.Segment(range) + Query(options, null), SheetsJsonContext.Wire.ValueRange, cancellationToken);

    /// <summary>Reads several ranges in one request.</summary>
    public Task<BatchGetValuesResponse> BatchGetAsync(string spreadsheetId, IEnumerable<string> ranges, ValueReadOptions? options = null, CancellationToken cancellationToken = default) =>
        _http.GetAsync(Values(spreadsheetId) + ":batchGet" + Query(options, ranges), SheetsJsonContext.Wire.BatchGetValuesResponse, cancellationToken);

    /// <summary>
    /// Writes rows at a range. A single cell is an anchor; a larger range must hold the data. An empty string
    /// clears a cell, <see cref="SheetValue.Empty"/> leaves it unchanged. Use <see cref="ValueInputOption.Raw"/> for user text.
    /// </summary>
    public Task<UpdateValuesResponse> UpdateAsync(
        string spreadsheetId,
        string range,
        IReadOnlyList<IReadOnlyList<SheetValue>> values,
        ValueInputOption valueInputOption,
        CancellationToken cancellationToken = default) =>
        _http.SendAsync(
            HttpMethod.Put,
            Values(spreadsheetId) + "/" + SheetsHttp.Segment(range) + "?valueInputOption=" + valueInputOption.Value,
            new ValuesBody(values),
            SheetsJsonContext.Wire.ValuesBody,
            SheetsJsonContext.Wire.UpdateValuesResponse,
            idempotent: true,
            cancellationToken);

    /// <summary>Writes several ranges in one request; an invalid range fails the whole request.</summary>
    public Task<BatchUpdateValuesResponse> BatchUpdateAsync(
        string spreadsheetId,
        IEnumerable<ValueRange> data,
        ValueInputOption valueInputOption,
        CancellationToken cancellationToken = default) =>
        _http.SendAsync(
            HttpMethod.Post,
            Values(spreadsheetId) + ":batchUpdate",
            new BatchUpdateValuesRequest(valueInputOption.Value, [.. data]),
            SheetsJsonContext.Wire.BatchUpdateValuesRequest,
            SheetsJsonContext.Wire.BatchUpdateValuesResponse,
            idempotent: true,
            cancellationToken);

    /// <summary>Clears the values of a range (formatting stays).</summary>
    public Task<ClearValuesResponse> ClearAsync(string spreadsheetId, string range, CancellationToken cancellationToken = default) =>
        _http.SendAsync(
            HttpMethod.Post,
            Values(spreadsheetId) + "/" + SheetsHttp.Segment(range) + ":clear",
            new EmptyBody(),
            SheetsJsonContext.Wire.EmptyBody,
            SheetsJsonContext.Wire.ClearValuesResponse,
            idempotent: true,
            cancellationToken);

    /// <summary>Clears several ranges in one request.</summary>
    public Task<BatchClearValuesResponse> BatchClearAsync(string spreadsheetId, IEnumerable<string> ranges, CancellationToken cancellationToken = default) =>
        _http.SendAsync(
            HttpMethod.Post,
            Values(spreadsheetId) + ":batchClear",
            new BatchClearValuesRequest([.. ranges]),
            SheetsJsonContext.Wire.BatchClearValuesRequest,
            SheetsJsonContext.Wire.BatchClearValuesResponse,
            idempotent: true,
            cancellationToken);

    /// <summary>
    /// Appends rows after the table found in the range. Not idempotent, so it is not retried after a 5xx;
    /// prefer a sized batchUpdate for backups.
    /// </summary>
    public Task<AppendValuesResponse> AppendAsync(
        string spreadsheetId,
        string range,
        IReadOnlyList<IReadOnlyList<SheetValue>> values,
        ValueInputOption valueInputOption,
        InsertDataOption? insertDataOption = null,
        CancellationToken cancellationToken = default) =>
        _http.SendAsync(
            HttpMethod.Post,
            Values(spreadsheetId) + "/" + SheetsHttp.Segment(range) + ":append?valueInputOption=" + valueInputOption.Value
                + (insertDataOption is { } insert ? "&insertDataOption=" + insert.Value : string.Empty),
            new ValuesBody(values),
            SheetsJsonContext.Wire.ValuesBody,
            SheetsJsonContext.Wire.AppendValuesResponse,
            idempotent: false,
            cancellationToken);

    private static string Values(string spreadsheetId) => "v4/spreadsheets/" + SheetsHttp.Segment(spreadsheetId) + "/values";

    private static string Query(ValueReadOptions? options, IEnumerable<string>? ranges)
    {
        var query = new StringBuilder();
        foreach (var range in ranges ?? [])
        {
            query.Append("&ranges=").Append(Uri.EscapeDataString(range));
        }

        if (options?.ValueRender is { } render)
        {
            query.Append("&valueRenderOption=").Append(render.Value);
        }

        if (options?.DateTimeRender is { } date)
        {
            query.Append("&dateTimeRenderOption=").Append(date.Value);
        }

        if (options?.MajorDimension is { } major)
        {
            query.Append("&majorDimension=").Append(major.Value);
        }

        return query.Length == 0 ? string.Empty : "?" + query.ToString(1, query.Length - 1);
    }
}
