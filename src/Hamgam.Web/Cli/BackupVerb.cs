using System.CommandLine;
using Hamgam.Core.Backup;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Cli;

/// <summary><c>hamgam backup</c>: the dashboard to the Google Sheet, in one atomic batchUpdate.</summary>
internal static class BackupVerb
{
    public static Command Create()
    {
        var command = HamgamCli.Verb("backup", "Back up the dashboard to the Google Sheet now.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await HamgamCli.StartHostAsync(parse, cancellationToken);
            if (!SheetsConfigured(host.Services))
            {
                return HamgamCli.NotConfigured;
            }

            var report = (await host.Services.GetRequiredService<Features.Sync.SyncRunner>().BackupAsync("cli", cancellationToken, wait: true))!;
            Console.WriteLine($"Backup to Google Sheets: {report.Rows} row(s) in {report.SheetsRequests} Sheets request(s), run {report.RunId}.");
            foreach (var (tab, rows) in report.RowsByTab)
            {
                Console.WriteLine($"  {tab,-20} {rows} row(s)");
            }

            return HamgamCli.Ok;
        });
        return command;
    }

    /// <summary>True when a spreadsheet and a key are set; otherwise says what to set.</summary>
    public static bool SheetsConfigured(IServiceProvider services)
    {
        var sheets = services.GetRequiredService<IOptions<SheetsBackupOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(sheets.SpreadsheetId) && !string.IsNullOrWhiteSpace(sheets.CredentialsFile))
        {
            return true;
        }

        Console.WriteLine("Google Sheets is not configured: set Sheets__SpreadsheetId (or config/sheets.json) and " +
            "Sheets__CredentialsFile (or GOOGLE_SHEETS_CREDENTIALS) to a service-account key file.");
        return false;
    }
}
