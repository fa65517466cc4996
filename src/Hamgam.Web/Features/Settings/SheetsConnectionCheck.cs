using System.Text.Json;
using Hamgam.Core.Backup;
using Hamgam.Sheets;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Features.Settings;

/// <summary>"Test connection" for Google Sheets: the key file, then one metadata read of the spreadsheet.</summary>
public sealed class SheetsConnectionCheck(IServiceProvider services, IOptions<SheetsBackupOptions> options) : IConnectionCheck
{
    public string Name => "Sheets";

    public async Task<ConnectionResult> TestAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SpreadsheetId) || string.IsNullOrWhiteSpace(o.CredentialsFile))
        {
            return new ConnectionResult(false, "Not configured: set Sheets__SpreadsheetId (or config/sheets.json) and Sheets__CredentialsFile (or GOOGLE_SHEETS_CREDENTIALS).");
        }

        if (!File.Exists(o.CredentialsFile))
        {
            return new ConnectionResult(false, $"The key file {o.CredentialsFile} does not exist: download the service account's JSON key (Google Cloud → IAM → Service accounts → Keys → Add key).");
        }

        var email = ClientEmail(o.CredentialsFile);
        try
        {
            var sheet = await services.GetRequiredService<SheetsClient>().Spreadsheets.GetAsync(o.SpreadsheetId, "spreadsheetId,sheets.properties.title", cancellationToken: cancellationToken);
            return new ConnectionResult(true, $"Reached spreadsheet {sheet.SpreadsheetId} as {email}.");
        }
        catch (SheetsApiException ex)
        {
            return new ConnectionResult(false, ex.Status switch
            {
                403 => $"The spreadsheet is not shared with the service account: open it → Share → add {email} as Editor.",
                404 => $"No spreadsheet {o.SpreadsheetId}: copy the id from its URL (between /d/ and /edit).",
                400 or 401 => "The key was refused: create a new JSON key for the service account and enable the Google Sheets API in its project.",
                _ => $"Google Sheets is not available right now (it answered {ex.Status}); try again later.",
            });
        }
    }

    private static string ClientEmail(string file)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            return json.RootElement.TryGetProperty("client_email", out var e) ? e.GetString() ?? "the service account" : "the service account";
        }
        catch (JsonException)
        {
            return "the service account (its key file is not valid JSON)";
        }
    }
}
