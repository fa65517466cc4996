using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Status;

/// <summary>The seed's task counts: all live tasks, and those that agreed with Notion in the last ten minutes.</summary>
public sealed record TaskSyncCounts(int Total, int RecentlySynced);

/// <summary>The last run of one kind.</summary>
public sealed record RunSummary(
    long Id, SyncRunType Type, SyncRunStatus Status, int RecordsSynced, int RequestsUsed, string? ErrorMessage,
    DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, long? DurationMs);

/// <summary>A push Notion refused for good: which record, Notion's message, and when; retried or discarded by its id.</summary>
public sealed record PushFailure(long Id, EntityKind Kind, Guid EntityId, OutboxOperation Operation, string? Error, DateTimeOffset? FailedAt);

/// <summary>Everything the status card and <c>GET /api/sync/status</c> show.</summary>
public sealed record SyncStatusSnapshot(
    TaskSyncCounts Tasks,
    DateTimeOffset? LastSyncTime,
    int PendingPushes,
    int FailedPushes,
    int OpenConflicts,
    IReadOnlyList<RunSummary> LastRuns,
    IReadOnlyList<SyncProgress> Running)
{
    /// <summary>When a change last reached Notion.</summary>
    public DateTimeOffset? LastPushedAt { get; init; }

    /// <summary>The oldest failed pushes (at most <see cref="SyncStatusReader.FailuresShown"/>), with Notion's message.</summary>
    public IReadOnlyList<PushFailure> Failures { get; init; } = [];
}

/// <summary>Reads the sync status from the database and the live activity.</summary>
public sealed class SyncStatusReader(IDbContextFactory<HamgamDb> factory, SyncActivity activity, TimeProvider time)
{
    /// <summary>The seed counts a task as recently synced for ten minutes.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(10);

    /// <summary>How many failed pushes the status lists with their message (the count covers all of them).</summary>
    public const int FailuresShown = 5;

    public async Task<SyncStatusSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow() - RecentWindow;
        var total = await db.Tasks.CountAsync(cancellationToken);
        var recent = await db.Tasks.CountAsync(t => t.LastSynced >= since, cancellationToken);
        var pending = await db.Outbox.Select(o => new { o.EntityKind, o.EntityId, o.State })
            .Where(o => o.State == OutboxState.Pending).Distinct().CountAsync(cancellationToken);
        var failed = await db.Outbox.CountAsync(o => o.State == OutboxState.Failed, cancellationToken);
        var conflicts = await db.Conflicts.CountAsync(c => c.ResolvedAt == null, cancellationToken);
        var lastRuns = new List<RunSummary>();
        foreach (var type in Enum.GetValues<SyncRunType>())
        {
            var run = await db.SyncLog.AsNoTracking().Where(r => r.Type == type).OrderByDescending(r => r.StartedAt)
                .Select(r => new RunSummary(r.Id, r.Type, r.Status, r.RecordsSynced, r.RequestsUsed, r.ErrorMessage, r.StartedAt, r.CompletedAt, r.DurationMs))
                .FirstOrDefaultAsync(cancellationToken);
            if (run is not null)
            {
                lastRuns.Add(run);
            }
        }

        var lastPull = lastRuns.FirstOrDefault(r => r.Type == SyncRunType.NotionToDb && r.Status != SyncRunStatus.Failed)?.CompletedAt;
        var lastSynced = lastPull ?? await db.Tasks.MaxAsync(t => t.LastSynced, cancellationToken);
        var lastPushed = await db.Outbox.Where(o => o.State == OutboxState.Done).MaxAsync(o => o.CompletedAt, cancellationToken);
        var failures = failed == 0 ? [] : await db.Outbox.AsNoTracking().Where(o => o.State == OutboxState.Failed).OrderBy(o => o.Id).Take(FailuresShown)
            .Select(o => new PushFailure(o.Id, o.EntityKind, o.EntityId, o.Operation, o.LastError, o.LastFailedAt ?? o.LastAttemptAt))
            .ToListAsync(cancellationToken);
        return new SyncStatusSnapshot(new TaskSyncCounts(total, recent), lastSynced, pending, failed, conflicts, lastRuns, activity.Current)
        {
            LastPushedAt = lastPushed,
            Failures = failures,
        };
    }
}
