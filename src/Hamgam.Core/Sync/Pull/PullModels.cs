using Hamgam.Core.Data;

namespace Hamgam.Core.Sync.Pull;

/// <summary>How to pull: <see cref="Full"/> re-lists everything (and sweeps for trashed, moved or purged pages); <see cref="DryRun"/> writes nothing.</summary>
public sealed record PullRequest(bool Full = false, bool DryRun = false, bool AllowMassDelete = false, string Trigger = "manual");

public enum PlannedAction
{
    Create,
    Update,
    Delete,
    Conflict,
}

/// <summary>One change a pull makes (or, in a dry run, would make).</summary>
public sealed record PlannedChange(EntityKind Kind, string NotionId, PlannedAction Action, IReadOnlyList<string> Fields);

/// <summary>What a pull did to one entity.</summary>
public sealed class EntityPullReport(EntityKind kind)
{
    public EntityKind Kind { get; } = kind;

    public bool Full { get; set; }

    public int Seen { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Deleted { get; set; }

    public int Conflicts { get; set; }

    public int Errors { get; set; }

    /// <summary>Set when the deletions were not applied because they exceeded the mass-delete limit.</summary>
    public string? MassDeleteHalt { get; set; }

    /// <summary>The first <see cref="MaxListedChanges"/> changes, for a dry run's listing; the counts above cover them all.</summary>
    public List<PlannedChange> Changes { get; } = [];

    /// <summary>Caps the listing so that a 100,000-page pull does not hold a record of every row in memory.</summary>
    public const int MaxListedChanges = 1_000;

    /// <summary>Adds the counts and listed changes of a batch that was applied.</summary>
    public void Absorb(EntityPullReport batch)
    {
        Created += batch.Created;
        Updated += batch.Updated;
        Unchanged += batch.Unchanged;
        Deleted += batch.Deleted;
        Conflicts += batch.Conflicts;
        Errors += batch.Errors;
        foreach (var change in batch.Changes)
        {
            AddChange(change);
        }
    }

    public void AddChange(PlannedChange change)
    {
        if (Changes.Count < MaxListedChanges)
        {
            Changes.Add(change);
        }
    }
}

/// <summary>The result of one pull run.</summary>
public sealed record PullReport(long RunId, Runs.SyncRunStatus Status, int RequestsUsed, IReadOnlyList<EntityPullReport> Entities, IReadOnlyList<string> Problems);
