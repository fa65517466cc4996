using System.Text.Json;
using Hamgam.Core.Backup;
using Hamgam.Sheets;
using Hamgam.Web.Infrastructure.Localization;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Features.Settings;

/// <summary>"Test connection" for Google Sheets: the key file, then one metadata read of the spreadsheet.</summary>
public sealed class SheetsConnectionCheck(IServiceProvider services, IOptions<SheetsBackupOptions> options) : IConnectionCheck
{
    public string Name => "Sheets";

    public async Task<ConnectionResult> TestAsync(Ui ui, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SpreadsheetId) || string.IsNullOrWhiteSpace(o.CredentialsFile))
        {
            return new ConnectionResult(false, ui.T(
                $"پیکربندی نشده است: {L("Sheets__SpreadsheetId")} (یا {L("config/sheets.json")}) و {L("Sheets__CredentialsFile")} (یا {L("GOOGLE_SHEETS_CREDENTIALS")}) را تنظیم کنید.",
                "Not configured: set Sheets__SpreadsheetId (or config/sheets.json) and Sheets__CredentialsFile (or GOOGLE_SHEETS_CREDENTIALS)."));
        }

        if (!File.Exists(o.CredentialsFile))
        {
            return new ConnectionResult(false, ui.T(
                $"فایل کلید {L(o.CredentialsFile)} وجود ندارد: کلید JSON حساب سرویس را بگیرید (Google Cloud ← IAM ← Service accounts ← Keys ← Add key).",
                $"The key file {o.CredentialsFile} does not exist: download the service account's JSON key (Google Cloud → IAM → Service accounts → Keys → Add key)."));
        }

        var email = ClientEmail(o.CredentialsFile);
        try
        {
            var sheet = await services.GetRequiredService<SheetsClient>().Spreadsheets.GetAsync(o.SpreadsheetId, "spreadsheetId,properties.title,sheets.properties.title", cancellationToken: cancellationToken);
            var title = sheet.Properties?.Title ?? sheet.SpreadsheetId;
            return new ConnectionResult(true, ui.T($"صفحه‌گسترده‌ی «{L(title)}» با حساب {L(email)} در دسترس است.", $"Reached the spreadsheet “{title}” as {email}."));
        }
        catch (SheetsApiException ex)
        {
            return new ConnectionResult(false, ex.Status switch
            {
                403 => ui.T($"صفحه‌گسترده با حساب سرویس هم‌رسانی نشده است: آن را باز کنید ← Share ← {L(email)} را با دسترسی Editor بیفزایید.",
                    $"The spreadsheet is not shared with the service account: open it → Share → add {email} as Editor."),
                404 => ui.T($"صفحه‌گسترده‌ی {L(o.SpreadsheetId)} پیدا نشد: شناسه را از نشانی آن (میان /d/ و /edit) بردارید.",
                    $"No spreadsheet {o.SpreadsheetId}: copy the id from its URL (between /d/ and /edit)."),
                400 or 401 => ui.T("کلید پذیرفته نشد: یک کلید JSON تازه برای حساب سرویس بسازید و Google Sheets API را در پروژه‌اش فعال کنید.",
                    "The key was refused: create a new JSON key for the service account and enable the Google Sheets API in its project."),
                _ => ui.T($"Google Sheets اکنون در دسترس نیست (پاسخ {ui.Digits(ex.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))})؛ بعداً دوباره امتحان کنید.",
                    $"Google Sheets is not available right now (it answered {ex.Status}); try again later."),
            });
        }
    }

    private static string L(string? text) => ConnectionText.Ltr(text);

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
