using System.CommandLine;
using System.Globalization;
using Hamgam.Core.Backup;
using Hamgam.Core.Data;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Status;
using Hamgam.Notion;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Cli;

/// <summary><c>hamgam status</c>: where the data is, whether Notion and Sheets are configured and reachable, what is pending.</summary>
internal static class StatusVerb
{
    public static Command Create()
    {
        var command = HamgamCli.Verb("status", "Show the database, the Notion and Sheets connections, pending pushes, conflicts and the last runs.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await HamgamCli.StartHostAsync(parse, cancellationToken);
            PrintDatabase(host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
            var reachable = await PrintNotionAsync(host.Services, cancellationToken);
            PrintSheets(host.Services.GetRequiredService<IOptions<SheetsBackupOptions>>().Value);
            var status = await host.Services.GetRequiredService<SyncStatusReader>().ReadAsync(cancellationToken);
            Console.WriteLine($"Outbox: {status.PendingPushes} record(s) waiting to be pushed, {status.FailedPushes} failed push(es).");
            Console.WriteLine($"Conflicts: {status.OpenConflicts} open.");
            Console.WriteLine($"Tasks: {status.Tasks.Total} ({status.Tasks.RecentlySynced} synced in the last 10 minutes).");
            Console.WriteLine(status.LastRuns.Count == 0 ? "Last runs: none yet." : "Last runs:");
            foreach (var run in status.LastRuns)
            {
                var duration = run.DurationMs is { } ms ? $", {(ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture)} s" : "";
                Console.WriteLine($"  {run.Type,-10} {CliText.Status(run.Status)} at {run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: " +
                    $"{run.RecordsSynced} record(s), {run.RequestsUsed} request(s){duration}{(run.ErrorMessage is { } e ? $" — {e}" : "")}");
            }

            return reachable ? HamgamCli.Ok : HamgamCli.Failed;
        });
        return command;
    }

    private static void PrintDatabase(DatabaseOptions options)
    {
        var where = options.ProviderKind == DatabaseProvider.Sqlite
            ? "SQLite, " + (string.IsNullOrWhiteSpace(options.ConnectionString)
                ? Path.Combine(options.ResolveDataDirectory(), "hamgam.db")
                : new System.Data.Common.DbConnectionStringBuilder { ConnectionString = options.ConnectionString }.TryGetValue("Data Source", out var file) ? file : "?")
            : CliText.DescribePostgres(options.ResolveConnectionString());
        Console.WriteLine($"Database: {where}");
    }

    /// <summary>Retrieves each configured data source once; false when one is configured but not reachable.</summary>
    private static async Task<bool> PrintNotionAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<NotionSyncOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            Console.WriteLine("Notion: not configured (no token; set Notion__Token or NOTION_API_KEY). The dashboard runs its demo.");
            return true;
        }

        Console.WriteLine($"Notion: token set, API {options.BaseUrl}, version {options.Version}");
        var notion = services.GetRequiredService<NotionClient>();
        var allReachable = true;
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            var label = $"  {CliText.Entity(kind),-11}";
            if (options.DatabaseFor(kind) is not { Length: > 0 } configured)
            {
                Console.WriteLine($"{label} not configured (Notion__Databases__{kind}s)");
                continue;
            }

            try
            {
                var source = await DataSourceResolver.ResolveAsync(notion, configured, cancellationToken);
                Console.WriteLine($"{label} {configured}: reachable (data source \"{source.PlainTitle}\", {source.Id})");
                foreach (var finding in Core.Sync.Schema.NotionSchemaChecker.Compare(kind, options, source.Properties))
                {
                    allReachable &= finding.Severity != Core.Sync.Schema.SchemaSeverity.Error;
                    Console.WriteLine($"    {finding.Severity.ToString().ToLowerInvariant()}: {finding.Message}");
                }
            }
            catch (NotionApiException ex)
            {
                allReachable = false;
                Console.WriteLine($"{label} {configured}: NOT reachable — {Explain(ex)} (Notion answered {ex.Status} {ex.Code}: {ex.Message})");
                Console.WriteLine($"    what to do: {Core.Sync.Schema.NotionSchemaChecker.Explain(ex, configured)}");
            }
            catch (HttpRequestException ex)
            {
                allReachable = false;
                Console.WriteLine($"{label} {configured}: NOT reachable — could not connect to {options.BaseUrl} ({ex.Message})");
            }
        }

        return allReachable;
    }

    private static string Explain(NotionApiException ex) => ex.Status switch
    {
        401 => "the token is not valid",
        403 => "the integration lacks the capability to read it",
        404 => "the database is not shared with the integration (or the id is wrong)",
        400 => "the id is not a valid Notion id",
        429 => "Notion is rate-limiting the integration; try again shortly",
        >= 500 or 0 => "Notion is not available right now",
        _ => "Notion refused the request",
    };

    private static void PrintSheets(SheetsBackupOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SpreadsheetId) || string.IsNullOrWhiteSpace(options.CredentialsFile))
        {
            Console.WriteLine("Sheets: not configured (set Sheets__SpreadsheetId and Sheets__CredentialsFile).");
            return;
        }

        var key = File.Exists(options.CredentialsFile) ? "key file found" : "KEY FILE NOT FOUND";
        Console.WriteLine($"Sheets: spreadsheet {options.SpreadsheetId}, credentials {options.CredentialsFile} ({key}), API {options.BaseUrl}");
    }
}
