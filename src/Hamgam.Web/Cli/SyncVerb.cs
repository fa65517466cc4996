using System.CommandLine;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Sync.Push;
using Hamgam.Web.Features.Sync;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Cli;

/// <summary><c>hamgam sync --pull [--full] [--dry-run] [--allow-mass-delete]</c>: Notion → dashboard, once.</summary>
internal static class SyncVerb
{
    private const int ListedChanges = 50;

    public static Command Create()
    {
        var pull = new Option<bool>("--pull") { Description = "Pull changes from Notion into the dashboard." };
        var push = new Option<bool>("--push") { Description = "Push the dashboard's pending changes to Notion. With neither flag, pull then push." };
        var full = new Option<bool>("--full") { Description = "Re-list every page, noticing pages trashed in Notion." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change; write nothing." };
        var allowMassDelete = new Option<bool>("--allow-mass-delete") { Description = "Apply a pull that deletes more than half of an entity's rows." };
        var command = HamgamCli.Verb("sync", "Pull from Notion, then push pending changes to Notion, now (or one of the two).");
        command.Options.Add(pull);
        command.Options.Add(push);
        command.Options.Add(full);
        command.Options.Add(dryRun);
        command.Options.Add(allowMassDelete);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await HamgamCli.StartHostAsync(parse, cancellationToken);
            var notion = host.Services.GetRequiredService<IOptions<NotionSyncOptions>>().Value;
            if (string.IsNullOrWhiteSpace(notion.Token) || Enum.GetValues<Core.Data.EntityKind>().All(k => string.IsNullOrWhiteSpace(notion.DatabaseFor(k))))
            {
                Console.WriteLine("Notion is not configured: set Notion__Token and Notion__Databases__Tasks|Projects|Habits|DailyLogs " +
                    "(or NOTION_API_KEY and NOTION_TASKS_DB_ID, …).");
                return HamgamCli.NotConfigured;
            }

            var both = !parse.GetValue(pull) && !parse.GetValue(push);
            // Through the coordinator, like every other entry point: it waits for a run of the server (on the same
            // PostgreSQL) to finish, and the outbox claims keep it from sending what a running server is sending.
            var runner = host.Services.GetRequiredService<SyncRunner>();
            var pullStatus = SyncRunStatus.Success;
            if (both || parse.GetValue(pull))
            {
                var request = new PullRequest(parse.GetValue(full), parse.GetValue(dryRun), parse.GetValue(allowMassDelete), "cli");
                var report = (await runner.PullAsync(request, cancellationToken, wait: true))!;
                Print(report, request);
                pullStatus = report.Status == SyncRunStatus.Success && report.Entities.Any(e => e.MassDeleteHalt is not null)
                    ? SyncRunStatus.Partial
                    : report.Status;
                if (!both || pullStatus == SyncRunStatus.Failed)
                {
                    return ExitCode(pullStatus);
                }
            }

            var pushed = (await runner.PushAsync(new PushRequest(parse.GetValue(dryRun), "cli"), cancellationToken, wait: true))!;
            PrintPush(pushed, parse.GetValue(dryRun));
            if (!both)
            {
                return ExitCode(pushed.Status);
            }

            return pullStatus == SyncRunStatus.Success && pushed.Status == SyncRunStatus.Success ? HamgamCli.Ok : HamgamCli.Partial;
        });
        return command;
    }

    private static int ExitCode(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Success => HamgamCli.Ok,
        SyncRunStatus.Failed => HamgamCli.Failed,
        _ => HamgamCli.Partial,
    };

    private static void PrintPush(PushReport report, bool dryRun)
    {
        Console.WriteLine($"Push to Notion{(dryRun ? " — dry run, nothing was sent" : "")}: {CliText.Status(report.Status)}, " +
            $"{report.RequestsUsed} Notion request(s), run {report.RunId}: created {report.Created}, updated {report.Updated}, " +
            $"trashed {report.Deleted}, failed {report.Failed}.");
        foreach (var planned in report.Planned.Take(ListedChanges))
        {
            Console.WriteLine($"  {planned.Action,-8} {CliText.Entity(planned.Kind)} {planned.EntityId} ({string.Join(", ", planned.Fields)})");
        }
    }

    private static void Print(PullReport report, PullRequest request)
    {
        Console.WriteLine($"Pull from Notion{(request.Full ? " (full)" : "")}{(request.DryRun ? " — dry run, nothing was written" : "")}: " +
            $"{CliText.Status(report.Status)}, {report.RequestsUsed} Notion request(s), run {report.RunId}.");
        foreach (var e in report.Entities)
        {
            Console.WriteLine($"  {CliText.Entity(e.Kind),-11} seen {e.Seen}, created {e.Created}, updated {e.Updated}, unchanged {e.Unchanged}, " +
                $"deleted {e.Deleted}, conflicts {e.Conflicts}, errors {e.Errors}");
            if (e.MassDeleteHalt is { } halt)
            {
                Console.WriteLine($"    halted: {halt} Run again with --allow-mass-delete to apply it.");
            }
        }

        var changes = report.Entities.SelectMany(e => e.Changes).ToList();
        if (request.DryRun && changes.Count > 0)
        {
            Console.WriteLine("Would change:");
            foreach (var change in changes.Take(ListedChanges))
            {
                Console.WriteLine($"  {change.Action.ToString().ToLowerInvariant(),-8} {CliText.Entity(change.Kind)} {change.NotionId}" +
                    (change.Fields.Count > 0 ? $" ({string.Join(", ", change.Fields)})" : ""));
            }

            if (changes.Count > ListedChanges)
            {
                Console.WriteLine($"  … and {changes.Count - ListedChanges} more.");
            }
        }

        CliText.Problems(report.Problems);
    }
}
