using Hamgam.Sheets.Http;

namespace Hamgam.Sheets;

/// <summary>
/// A typed Google Sheets v4 client. Authentication, retries and request counting live in the HTTP pipeline
/// that <see cref="SheetsServiceCollectionExtensions.AddSheetsClient"/> sets up.
/// </summary>
public sealed class SheetsClient
{
    /// <summary>Creates the client over an HttpClient whose BaseAddress is the API root (normally injected as a typed client).</summary>
    public SheetsClient(HttpClient httpClient, TimeProvider? timeProvider = null)
    {
        var http = new SheetsHttp(httpClient, timeProvider ?? TimeProvider.System);
        Spreadsheets = new SpreadsheetsClient(http);
        Values = new ValuesClient(http);
    }

    /// <summary>spreadsheets.get and spreadsheets.batchUpdate.</summary>
    public SpreadsheetsClient Spreadsheets { get; }

    /// <summary>spreadsheets.values.*.</summary>
    public ValuesClient Values { get; }
}

/// <summary>A1 notation helpers. Titles are always quoted, so titles like <c>D3</c> or <c>گزارش روزانه</c> are safe.</summary>
public static class SheetsA1
{
    /// <summary><c>'Jon''s Data'</c> for <c>Jon's Data</c>.</summary>
    public static string Quote(string title) => "'" + title.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary><c>'Daily Log'!A2:L</c> for a title and a cell part.</summary>
    public static string Range(string title, string cells) => Quote(title) + "!" + cells;
}
