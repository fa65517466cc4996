namespace Hamgam.Core.Sync.Merge;

/// <summary>What a three-way merge decided for one record. See <see cref="ThreeWayMerge.Merge"/>.</summary>
/// <param name="Kind">The case the merge recognised.</param>
/// <param name="Merged">
/// What the local database should hold now; once <paramref name="FieldsToPush"/> have been pushed
/// successfully it is also the new baseline. On a conflict it holds Notion's value.
/// </param>
/// <param name="FieldsToPush">
/// Local changes Notion does not have yet, in ordinal order, to send as one update with the values from
/// <paramref name="Merged"/>. May contain <see cref="ThreeWayMerge.DeletedField"/>, meaning "set the
/// page's <c>in_trash</c> to <c>Merged.Deleted</c>" (a local delete, or a local restore).
/// </param>
/// <param name="Conflicts">
/// Local values Notion overrode, for the conflict inbox (the user can re-apply each one). A conflict on
/// <see cref="ThreeWayMerge.DeletedField"/> is a delete/edit conflict on the record as a whole.
/// </param>
public sealed record MergeOutcome(
    MergeKind Kind,
    RecordSnapshot Merged,
    IReadOnlyList<string> FieldsToPush,
    IReadOnlyList<FieldConflict> Conflicts)
{
    /// <summary>True when something must be sent to Notion (<see cref="FieldsToPush"/> is not empty).</summary>
    public bool RequiresPush => FieldsToPush.Count > 0;

    /// <summary>True when the conflict inbox gets entries.</summary>
    public bool HasConflicts => Conflicts.Count > 0;
}

/// <summary>
/// One field whose local value lost to Notion's, or a delete/edit conflict when
/// <see cref="Field"/> is <see cref="ThreeWayMerge.DeletedField"/> (values "true"/"false").
/// </summary>
/// <param name="Field">The logical field name.</param>
/// <param name="BaseValue">The value both sides last agreed on (null when there was no baseline or it was empty).</param>
/// <param name="LocalValue">The dashboard's value, which did not win; re-applying it is a normal local edit.</param>
/// <param name="RemoteValue">Notion's value, which is now in the merge result.</param>
public sealed record FieldConflict(string Field, string? BaseValue, string? LocalValue, string? RemoteValue);

/// <summary>The case a three-way merge recognised.</summary>
public enum MergeKind
{
    /// <summary>Local and Notion already agree: nothing to write or push (the baseline may still advance to the result).</summary>
    Unchanged,

    /// <summary>Only Notion changed (or there was no baseline and nothing local would be lost): take Notion's values.</summary>
    TakeRemote,

    /// <summary>Only the dashboard changed: keep local values and push <see cref="MergeOutcome.FieldsToPush"/>.</summary>
    KeepLocal,

    /// <summary>Both sides changed different fields (or made the same change): both kept, local-only changes pushed.</summary>
    Merged,

    /// <summary>At least one field changed differently on both sides: Notion's value kept, local value in the conflict inbox.</summary>
    Conflicted,

    /// <summary>Trashed in Notion and not edited locally: mark the local row deleted.</summary>
    RemoteTrashed,

    /// <summary>
    /// Trashed in Notion while edited locally: the row is marked deleted, and the conflicts carry the
    /// delete itself and every local edit, so the user can restore the record with their edits.
    /// </summary>
    RemoteTrashedWhileLocalEdited,

    /// <summary>Deleted in the dashboard and not edited in Notion: push the trash.</summary>
    LocalDeleted,

    /// <summary>
    /// Deleted in the dashboard while edited in Notion: Notion wins, the record stays, and a conflict on
    /// <see cref="ThreeWayMerge.DeletedField"/> lets the user re-apply the delete.
    /// </summary>
    LocalDeletedWhileRemoteEdited,

    /// <summary>Deleted on both sides since the baseline: keep the tombstone, push nothing.</summary>
    BothDeleted,
}
