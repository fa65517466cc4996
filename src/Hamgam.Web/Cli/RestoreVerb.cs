using System.CommandLine;
using Hamgam.Core.Backup.Restore;
using Hamgam.Core.Runs;

namespace Hamgam.Web.Cli;

/// <summary><c>hamgam restore --from-sheets [--tab NAME] [--dry-run] [--delete-missing]</c>.</summary>
internal static class RestoreVerb
{
    public static Command Create()
    {
        var fromSheets = new Option<bool>("--from-sheets") { Description = "Restore from the Google Sheets backup (required; the only source)." };
        var tab = new Option<string?>("--tab") { Description = "One tab: \"Daily Log\", \"Brain Dump Archive\", \"Projects\" or \"Habits\" (default: all four)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the difference; change nothing." };
        var deleteMissing = new Option<bool>("--delete-missing") { Description = "Delete dashboard rows inside the backup's window that the backup does not hold." };
        var command = HamgamCli.Verb("restore", "Restore the dashboard from the Google Sheets backup (changes go to Notion through the outbox).");
        command.Options.Add(fromSheets);
        command.Options.Add(tab);
        command.Options.Add(dryRun);
        command.Options.Add(deleteMissing);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(fromSheets))
            {
                Console.WriteLine("Say where to restore from: hamgam restore --from-sheets [--tab NAME] [--dry-run] [--delete-missing]");
                return HamgamCli.Failed;
            }

            using var host = await HamgamCli.StartHostAsync(parse, cancellationToken);
            if (!BackupVerb.SheetsConfigured(host.Services))
            {
                return HamgamCli.NotConfigured;
            }

            var request = new RestoreRequest(parse.GetValue(tab), parse.GetValue(dryRun), parse.GetValue(deleteMissing), "cli");
            // Through the coordinator, like every entry point: it waits for a backup that is running.
            var report = (await host.Services.GetRequiredService<Features.Sync.SyncRunner>().RestoreAsync(request, cancellationToken, wait: true))!;
            Print(report, request);
            return report.Status == SyncRunStatus.Success ? HamgamCli.Ok : HamgamCli.Partial;
        });
        return command;
    }

    private static void Print(RestoreReport report, RestoreRequest request)
    {
        Console.WriteLine(report.DryRun
            ? "Restore from Google Sheets — dry run, nothing was changed:"
            : "Restore from Google Sheets (the changes are queued for Notion):");
        foreach (var tab in report.Tabs)
        {
            Console.WriteLine($"{tab.Tab}: {tab.Rows} row(s) — {Counts(tab, report.DryRun)}");
            foreach (var diff in tab.Diffs.Where(d => d.Action != RestoreAction.Unchanged))
            {
                Console.WriteLine("  " + Line(diff, request.DeleteMissing));
            }
        }

        CliText.Problems(report.Problems.Select(p => p.ToString()));
        Console.WriteLine($"{report.Changes} change(s){(report.DryRun ? " would be made" : " made")}; " +
            $"{report.SheetsRequests} Sheets request(s); run {report.RunId}: {CliText.Status(report.Status)}.");
    }

    private static string Counts(RestoreTabReport tab, bool dryRun)
    {
        var verb = dryRun ? "to " : "";
        return $"{tab.Count(RestoreAction.Create)} {verb}create, {tab.Count(RestoreAction.Update)} {verb}update, " +
            $"{tab.Count(RestoreAction.Undelete)} {verb}undelete, {tab.Count(RestoreAction.Delete)} {verb}delete, " +
            $"{tab.Count(RestoreAction.Unchanged)} unchanged, {tab.Count(RestoreAction.NotInBackup)} not in backup";
    }

    private static string Line(RestoreRowDiff diff, bool deleteMissing)
    {
        var where = diff.Row is { } row ? $"row {row}" : "—";
        var fields = string.Join("; ", diff.Changes.Select(c => $"{c.Column}: {Show(c.Old)} → {Show(c.New)}"));
        return diff.Action switch
        {
            RestoreAction.NotInBackup => $"{where,-7} not in backup \"{diff.Label}\" (kept{(deleteMissing ? "" : "; --delete-missing deletes it")})",
            RestoreAction.Delete => $"{where,-7} delete \"{diff.Label}\" (not in backup)",
            _ => $"{where,-7} {diff.Action.ToString().ToLowerInvariant()} \"{diff.Label}\"{(fields.Length > 0 ? ": " + fields : "")}",
        };
    }

    private static string Show(string? value) => value is null ? "(empty)" : value.Length > 60 ? $"\"{value[..57]}…\"" : $"\"{value}\"";
}
