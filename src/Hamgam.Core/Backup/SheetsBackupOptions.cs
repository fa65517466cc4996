namespace Hamgam.Core.Backup;

/// <summary>The <c>Sheets</c> section: where the backup goes and which windows it covers.</summary>
public sealed class SheetsBackupOptions
{
    public const string Section = "Sheets";

    public string? SpreadsheetId { get; set; }

    /// <summary>A service-account key file (the seed's GOOGLE_SHEETS_CREDENTIALS).</summary>
    public string? CredentialsFile { get; set; }

    public Uri BaseUrl { get; set; } = new("https://sheets.googleapis.com/");

    /// <summary>Daily logs of the last N days (the seed's 7); null backs up every log.</summary>
    public int? DailyLogWindowDays { get; set; } = 7;

    /// <summary>
    /// The largest batchUpdate body, in bytes, a backup sends. Google names no hard limit but recommends at most 2 MB per
    /// request (https://developers.google.com/sheets/api/limits; docs/sheets-api.md §2). A backup that fits is one atomic
    /// request; a larger one is written to staging tabs over several requests and swapped in by one atomic request.
    /// </summary>
    public int MaxRequestBytes { get; set; } = 2_000_000;

    /// <summary>Tasks created in the last N days (the seed's 30); null backs up every task.</summary>
    public int? TaskWindowDays { get; set; } = 30;
}
