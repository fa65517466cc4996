using Hamgam.Core.Data;

namespace Hamgam.Core.Runs;

public enum SyncRunType
{
    NotionToDb,
    DbToNotion,
    DbToSheet,
    Recurring,
    Restore,
}

public enum SyncRunStatus
{
    Running,
    Success,
    Partial,
    Failed,
}

/// <summary>One row of the sync log: every pull, push, backup, recurring run and restore writes one.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }

    public SyncRunType Type { get; set; }

    public SyncRunStatus Status { get; set; }

    /// <summary>"manual" or "scheduled" (or "cli").</summary>
    public string Trigger { get; set; } = "manual";

    public int RecordsSynced { get; set; }

    public int RequestsUsed { get; set; }

    public string? ErrorMessage { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public long? DurationMs { get; set; }

    public List<SyncRunError> Errors { get; set; } = [];
}

/// <summary>A record that could not be synced in a run; the run went on without it.</summary>
public sealed class SyncRunError
{
    public long Id { get; set; }

    public long SyncRunId { get; set; }

    public EntityKind? EntityKind { get; set; }

    public string? NotionId { get; set; }

    public Guid? EntityId { get; set; }

    public string Message { get; set; } = "";
}
