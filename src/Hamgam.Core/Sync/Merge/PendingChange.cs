namespace Hamgam.Core.Sync.Merge;

/// <summary>What a dashboard edit did to a record.</summary>
public enum ChangeKind
{
    /// <summary>The record was created in the dashboard and has no Notion page yet.</summary>
    Create,

    /// <summary>Some fields changed (a field set to null is cleared). A <see cref="ThreeWayMerge.DeletedField"/> entry trashes ("true") or restores ("false") the record.</summary>
    Update,

    /// <summary>The record was deleted in the dashboard.</summary>
    Delete,
}

/// <summary>One outbox row: a dashboard edit not yet pushed to Notion.</summary>
/// <param name="Sequence">The outbox's increasing sequence number; changes apply in this order.</param>
/// <param name="EntityKey">Identifies the record across changes (e.g. "tasks/42"); compared ordinally.</param>
/// <param name="Kind">What the edit did.</param>
/// <param name="Fields">The fields the edit set, as canonical strings (null clears); empty for a delete.</param>
public sealed record PendingChange(long Sequence, string EntityKey, ChangeKind Kind, IReadOnlyDictionary<string, string?> Fields);

/// <summary>What the pusher should send for one record after coalescing.</summary>
public enum CoalescedAction
{
    /// <summary>Create the page with <see cref="CoalescedChange.Fields"/>.</summary>
    Create,

    /// <summary>Update only <see cref="CoalescedChange.Fields"/> of the existing page.</summary>
    Update,

    /// <summary>Trash the page.</summary>
    Delete,

    /// <summary>Send nothing (a record created and deleted before it was ever pushed); just mark the changes done.</summary>
    Discard,
}

/// <summary>One request's worth of pending changes to one record.</summary>
/// <param name="EntityKey">The record.</param>
/// <param name="Action">What to send.</param>
/// <param name="Fields">The final value of every field the changes touched (latest wins); empty for Delete and Discard.</param>
/// <param name="Sequences">The outbox sequences folded into this change, ascending; mark them all done once it is sent.</param>
public sealed record CoalescedChange(
    string EntityKey,
    CoalescedAction Action,
    IReadOnlyDictionary<string, string?> Fields,
    IReadOnlyList<long> Sequences)
{
    /// <summary>The highest sequence folded in.</summary>
    public long LastSequence => Sequences[^1];
}
