using Hamgam.Core.Data;

namespace Hamgam.Core.Sync.Conflicts;

public enum ConflictResolution
{
    KeepMine,
    KeepNotion,
}

/// <summary>
/// A field changed both in Hamgam and in Notion since they last agreed. Notion's value was applied;
/// the local value waits here until the user keeps it (re-applied through the outbox) or drops it.
/// </summary>
public sealed class SyncConflict
{
    public Guid Id { get; set; }

    public EntityKind EntityKind { get; set; }

    public Guid EntityId { get; set; }

    /// <summary>The logical field name ("status", "notes", …) or "$deleted" for a trash/edit conflict.</summary>
    public string Field { get; set; } = "";

    public string? BaseValue { get; set; }

    public string? LocalValue { get; set; }

    public string? RemoteValue { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public ConflictResolution? Resolution { get; set; }
}
