using Hamgam.Core.Data;
using Hamgam.Core.Sync.Activity;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Runs;

/// <summary>
/// Opens and closes sync-log rows and mirrors a run's progress into <see cref="SyncActivity"/>. Every pull, push,
/// backup, recurring run and restore writes exactly one row, whatever its outcome.
/// </summary>
public sealed class RunLog(IDbContextFactory<HamgamDb> factory, SyncActivity activity, TimeProvider time)
{
    private long _quietRuns;

    /// <summary>The error message of a run whose process died before it finished.</summary>
    public const string AbandonedMessage = "Abandoned: the process stopped before this run finished; a later run picks up its work.";

    /// <summary>
    /// Opens a run. Runs of one type never overlap (one process serialises them; processes sharing a database take the
    /// job lock), so a row of this type still "running" belongs to a process that died mid-run: it is closed as failed.
    /// </summary>
    public async Task<RunHandle> StartAsync(SyncRunType type, string trigger, CancellationToken cancellationToken = default)
    {
        if (RunTriggers.IsQuiet(trigger))
        {
            // A live poll or a push on save that finds nothing to do leaves no row: the log keeps what happened.
            var quiet = new RunHandle(this, -Interlocked.Increment(ref _quietRuns), type, time.GetUtcNow(), trigger);
            quiet.Progress("starting");
            return quiet;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var stale in await db.SyncLog.Where(r => r.Type == type && r.Status == SyncRunStatus.Running).ToListAsync(cancellationToken))
        {
            stale.Status = SyncRunStatus.Failed;
            stale.ErrorMessage = AbandonedMessage;
            stale.CompletedAt = now;
        }

        var run = new SyncRun { Type = type, Status = SyncRunStatus.Running, Trigger = trigger, StartedAt = now };
        db.SyncLog.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        var handle = new RunHandle(this, run.Id, type, run.StartedAt, trigger);
        handle.Progress("starting");
        return handle;
    }

    internal void Report(SyncProgress progress) => activity.Report(progress);

    internal async Task CompleteAsync(RunHandle handle, SyncRunStatus status, string? error)
    {
        // The run leaves the live list only after its row says it is complete, so a reader never sees it in neither.
        try
        {
            if (handle.IsQuiet && status == SyncRunStatus.Success && handle.Records == 0)
            {
                return;
            }

            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            var run = handle.IsQuiet
                ? db.SyncLog.Add(new SyncRun { Type = handle.Type, Trigger = handle.Trigger, StartedAt = handle.StartedAt }).Entity
                : await db.SyncLog.SingleAsync(r => r.Id == handle.RunId);
            var completed = time.GetUtcNow();
            run.Status = status;
            run.RecordsSynced = handle.Records;
            run.RequestsUsed = handle.Requests;
            run.ErrorMessage = error;
            run.CompletedAt = completed;
            run.DurationMs = (long)(completed - run.StartedAt).TotalMilliseconds;
            if (handle.IsQuiet)
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }

            db.SyncRunErrors.AddRange(handle.Errors.Select(e => e with { SyncRunId = run.Id }).Select(e => e.ToEntity()));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            activity.Finish(handle.RunId);
        }
    }
}

/// <summary>A record that failed within a run.</summary>
public sealed record RecordError(EntityKind? Kind, string? NotionId, Guid? EntityId, string Message, long SyncRunId = 0)
{
    internal SyncRunError ToEntity() => new()
    {
        SyncRunId = SyncRunId, EntityKind = Kind, NotionId = NotionId, EntityId = EntityId,
        Message = Message.Length > 2000 ? Message[..2000] : Message,
    };
}

/// <summary>One open run: count what it did, note per-record errors, then complete it once.</summary>
public sealed class RunHandle(RunLog log, long runId, SyncRunType type, DateTimeOffset startedAt, string trigger)
{
    private readonly List<RecordError> _errors = [];
    private bool _completed;

    public long RunId { get; } = runId;

    public SyncRunType Type { get; } = type;

    public string Trigger { get; } = trigger;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>A run of a quiet trigger (<see cref="RunTriggers"/>): its row is written only if it did something; its id is negative until then.</summary>
    public bool IsQuiet => RunId < 0;

    public int Records { get; private set; }

    public int Requests { get; set; }

    public int? Total { get; set; }

    public IReadOnlyList<RecordError> Errors => _errors;

    public void AddRecords(int count, string phase)
    {
        Records += count;
        Progress(phase);
    }

    public void AddError(RecordError error) => _errors.Add(error);

    public void Progress(string phase) =>
        log.Report(new SyncProgress(RunId, Type, phase, Records, Total, Requests, StartedAt));

    /// <summary>Closes the run: success, or partial when some records failed, or failed with a message.</summary>
    public Task CompleteAsync(string? fatalError = null)
    {
        if (_completed)
        {
            return Task.CompletedTask;
        }

        _completed = true;
        var status = fatalError is not null ? SyncRunStatus.Failed
            : _errors.Count > 0 ? SyncRunStatus.Partial
            : SyncRunStatus.Success;
        return log.CompleteAsync(this, status, fatalError ?? (_errors.Count > 0 ? $"{_errors.Count} record(s) could not be synced." : null));
    }
}
