using System.Text.Json.Serialization;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Conflicts;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Sync.Push;
using Hamgam.Core.Sync.Status;
using Hamgam.Notion;
using Hamgam.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Features.Sync;

/// <summary>The seed's response, extended (never renamed): <c>success</c>, and <c>error</c> when it failed.</summary>
public sealed record SyncResponse(bool Success, string? Error, long? RunId, string? Status, int RequestsUsed, IReadOnlyList<EntitySyncCounts> Entities);

public sealed record BackupResponse(bool Success, string? Error, long? RunId, int Rows, int SheetsRequests);

public sealed record EntitySyncCounts(string Kind, int Seen, int Created, int Updated, int Deleted, int Unchanged, int Conflicts, int Errors, string? MassDeleteHalt);

/// <summary>The seed's status shape (<c>tasks.total</c>, <c>tasks.recently_synced</c>, <c>lastSyncTime</c>), extended.</summary>
public sealed record SyncStatusResponse(
    bool Success,
    SeedTaskCounts Tasks,
    DateTimeOffset? LastSyncTime,
    int PendingPushes,
    int FailedPushes,
    int OpenConflicts,
    bool NotionConfigured,
    IReadOnlyList<RunSummary> LastRuns,
    IReadOnlyList<SyncProgress> Running,
    RequestBudget Budget,
    IReadOnlyDictionary<string, DateTimeOffset?> NextRuns,
    DateTimeOffset? LastPushedAt,
    IReadOnlyList<PushFailure> Failures);

public sealed record SeedTaskCounts(int Total, [property: JsonPropertyName("recently_synced")] int RecentlySynced);

public sealed record RequestBudget(NotionRequestMeterSnapshot Notion, SheetsBudget Sheets);

/// <summary>Google Sheets requests sent, and those throttled (429), by this process.</summary>
public sealed record SheetsBudget(int LastMinute, int LastHour, long Total, int ThrottledLastHour);

public sealed record ResolveRequest(string Resolution);

public static class SyncApi
{
    public static IEndpointRouteBuilder MapSync(this IEndpointRouteBuilder app)
    {
        var sync = app.MapGroup("/api/sync").WithTags("Sync");
        sync.MapPost("/notion/sync", SyncNowAsync).WithSummary("Pull from Notion, then push what is pending (the seed's endpoint); 409 while a sync is running; runs as the scheduled job does.");
        sync.MapPost("/sheets/backup", BackupNowAsync).WithSummary("Back up to the Google Sheet now (the seed's endpoint); 409 while a backup is running.");
        sync.MapGet("/status", StatusAsync).WithSummary("The seed's status, plus pending and failed pushes, conflicts, runs, the request budget and the next scheduled runs.");
        sync.MapGet("/log", LogAsync).WithSummary("The sync log, newest first, with per-record errors.");
        sync.MapGet("/failed", async (FailedPushes failed, CancellationToken ct) => TypedResults.Ok(await failed.ListAsync(ct)))
            .WithSummary("Pushes Notion rejected, with Notion's message.");
        sync.MapPost("/failed/{id:long}/retry", async Task<Results<NoContent, NotFound>> (long id, FailedPushes failed, CancellationToken ct) =>
                await failed.RetryAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Queue a rejected push again (after fixing its cause).");
        sync.MapPost("/failed/{id:long}/discard", async Task<Results<NoContent, NotFound>> (long id, FailedPushes failed, CancellationToken ct) =>
                await failed.DiscardAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Drop a rejected push and put the record back as Notion has it.");
        var conflicts = app.MapGroup("/api/conflicts").WithTags("Conflicts");
        conflicts.MapGet("/", async (ConflictInbox inbox, CancellationToken ct) => TypedResults.Ok(await inbox.ListOpenAsync(ct)))
            .WithSummary("Open conflicts: the field, the base value, yours and Notion's.");
        conflicts.MapPost("/{id:guid}/resolve", ResolveAsync).WithSummary("keep_mine re-applies your value through the outbox; keep_notion closes the conflict.");
        return app;
    }

    /// <summary>The seed's response for a finished pull-then-push.</summary>
    public static SyncResponse ToResponse(PushReport push, PullReport report)
    {
        var entities = report.Entities.Select(e => new EntitySyncCounts(
            e.Kind.ToString(), e.Seen, e.Created, e.Updated, e.Deleted, e.Unchanged, e.Conflicts, e.Errors, e.MassDeleteHalt)).ToList();
        var error = report.Problems.Count > 0 ? string.Join(" ", report.Problems) : null;
        entities.Insert(0, new EntitySyncCounts("Push", push.Planned.Count, push.Created, push.Updated, push.Deleted, 0, 0, push.Failed, null));
        return new SyncResponse(
            report.Status != SyncRunStatus.Failed, error, report.RunId, report.Status.ToString().ToLowerInvariant(), report.RequestsUsed + push.RequestsUsed, entities);
    }

    /// <summary>Enqueues the sync job (the one the schedule runs) and answers with its outcome once it has run.</summary>
    private static async Task<Results<Ok<SyncResponse>, Conflict<SyncResponse>, Accepted<SyncResponse>>> SyncNowAsync(
        SyncRunner runner, JobTriggers triggers, bool? full, bool? dryRun, CancellationToken cancellationToken)
    {
        if (!runner.NotionConfigured)
        {
            return TypedResults.Ok(new SyncResponse(false, "Notion is not configured: set Notion__Token and the database ids.", null, null, 0, []));
        }

        var outcome = await triggers.WaitAsync(triggers.Enqueue(SyncJob.Sync, full ?? false, dryRun ?? false), cancellationToken);
        return outcome switch
        {
            null => TypedResults.Accepted("/api/sync/log", new SyncResponse(false, "The sync is still running; follow it in the sync log.", null, "running", 0, [])),
            { Skipped: true } => TypedResults.Conflict(new SyncResponse(false, "A sync from Notion is already running.", null, null, 0, [])),
            { Sync: { } response } => TypedResults.Ok(response),
            _ => TypedResults.Ok(new SyncResponse(false, outcome.Error, null, "failed", 0, [])),
        };
    }

    private static async Task<Results<Ok<BackupResponse>, Conflict<BackupResponse>, Accepted<BackupResponse>>> BackupNowAsync(
        SyncRunner runner, JobTriggers triggers, CancellationToken cancellationToken)
    {
        if (!runner.SheetsConfigured)
        {
            return TypedResults.Ok(new BackupResponse(false, "Google Sheets is not configured: set Sheets__SpreadsheetId and Sheets__CredentialsFile.", null, 0, 0));
        }

        var outcome = await triggers.WaitAsync(triggers.Enqueue(SyncJob.Backup), cancellationToken);
        return outcome switch
        {
            null => TypedResults.Accepted("/api/sync/log", new BackupResponse(false, "The backup is still running; follow it in the sync log.", null, 0, 0)),
            { Skipped: true } => TypedResults.Conflict(new BackupResponse(false, "A backup is already running.", null, 0, 0)),
            { Backup: { } response } => TypedResults.Ok(response),
            _ => TypedResults.Ok(new BackupResponse(false, outcome.Error, null, 0, 0)),
        };
    }

    private static async Task<Ok<SyncStatusResponse>> StatusAsync(
        SyncStatusReader reader, SyncRunner runner, JobSchedules schedules, NotionRequestMeter meter, Hamgam.Sheets.SheetsRequestMeter sheets,
        CancellationToken cancellationToken)
    {
        var s = await reader.ReadAsync(cancellationToken);
        return TypedResults.Ok(new SyncStatusResponse(true, new SeedTaskCounts(s.Tasks.Total, s.Tasks.RecentlySynced), s.LastSyncTime,
            s.PendingPushes, s.FailedPushes, s.OpenConflicts, runner.NotionConfigured, s.LastRuns, s.Running, new RequestBudget(meter.GetSnapshot(),
                new SheetsBudget(sheets.RequestsInLastMinute, sheets.RequestsInLastHour, sheets.TotalRequests, sheets.ThrottledInLastHour)),
            schedules.NextRuns(), s.LastPushedAt, s.Failures));
    }

    private static async Task<Ok<List<SyncRun>>> LogAsync(IDbContextFactory<HamgamDb> factory, int? take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var runs = await db.SyncLog.AsNoTracking().Include(r => r.Errors).OrderByDescending(r => r.StartedAt)
            .Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync(cancellationToken);
        return TypedResults.Ok(runs);
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem>> ResolveAsync(
        Guid id, ResolveRequest body, ConflictInbox inbox, CancellationToken cancellationToken)
    {
        ConflictResolution? resolution = body.Resolution?.Trim().ToLowerInvariant() switch
        {
            "keep_mine" or "mine" or "keepmine" => ConflictResolution.KeepMine,
            "keep_notion" or "notion" or "keepnotion" => ConflictResolution.KeepNotion,
            _ => null,
        };
        if (resolution is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["resolution"] = ["Expected keep_mine or keep_notion."] });
        }

        return await inbox.ResolveAsync(id, resolution.Value, cancellationToken) switch
        {
            ResolveStatus.NotFound => TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"No conflict has id {id}.", Status = 404 }),
            ResolveStatus.AlreadyResolved => TypedResults.Conflict(new ProblemDetails { Title = "Already resolved", Status = 409 }),
            _ => TypedResults.NoContent(),
        };
    }
}
