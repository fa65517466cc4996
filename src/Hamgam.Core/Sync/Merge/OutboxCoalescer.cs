namespace Hamgam.Core.Sync.Merge;

/// <summary>
/// Folds the outbox's pending changes into one request per record, so that several edits of a page
/// made before it is pushed become one request (PRODUCT.md, "Push"). Pure: no I/O.
/// </summary>
/// <remarks>
/// Per record, in sequence order:
/// <list type="bullet">
/// <item>create + updates → one create with the final field values;</item>
/// <item>updates → one update with the union of the fields, the latest value of each winning (null clears);</item>
/// <item>anything + delete → delete; create + … + delete of a record never pushed → <see cref="CoalescedAction.Discard"/>;</item>
/// <item>an update carrying <see cref="ThreeWayMerge.DeletedField"/> = "true" counts as a delete; one carrying
/// "false" (a restore) after a delete undoes it, and the result is an update of every field touched in the batch,
/// including <see cref="ThreeWayMerge.DeletedField"/> = "false" so the page leaves the trash. A plain update after a delete
/// does not undo it: a late background write must not silently resurrect a deleted record;</item>
/// <item>a create after the record is already known to exist (its first change was an update or delete) is treated as
/// a restore plus an update, never as a second create.</item>
/// </list>
/// Results are ordered by each record's first sequence, so a project created before a task that points to it is
/// still pushed first.
/// </remarks>
public static class OutboxCoalescer
{
    private static readonly IReadOnlyDictionary<string, string?> NoFields = new Dictionary<string, string?>();

    /// <summary>Coalesces <paramref name="changes"/> (any order) into one change per record.</summary>
    public static IReadOnlyList<CoalescedChange> Coalesce(IEnumerable<PendingChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes
            .OrderBy(c => c.Sequence)
            .GroupBy(c => c.EntityKey, StringComparer.Ordinal)
            .Select(Fold)
            .OrderBy(c => c.Sequences[0])
            .ToList();
    }

    private static CoalescedChange Fold(IGrouping<string, PendingChange> changes)
    {
        var isNew = changes.First().Kind == ChangeKind.Create;
        var deleted = false;
        var trashTouched = false;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (RequestedDeleted(change) is bool value)
            {
                deleted = value;
                trashTouched = true;
            }

            foreach (var (field, fieldValue) in change.Fields ?? NoFields)
            {
                if (field != ThreeWayMerge.DeletedField)
                {
                    fields[field] = fieldValue;
                }
            }
        }

        var sequences = changes.Select(c => c.Sequence).ToArray();
        if (deleted)
        {
            return new(changes.Key, isNew ? CoalescedAction.Discard : CoalescedAction.Delete, NoFields, sequences);
        }

        if (trashTouched && !isNew)
        {
            fields[ThreeWayMerge.DeletedField] = ThreeWayMerge.FalseValue;
        }

        return new(changes.Key, isNew ? CoalescedAction.Create : CoalescedAction.Update, fields, sequences);
    }

    // True: the change deletes; false: it restores (or creates); null: it leaves the deleted state alone.
    private static bool? RequestedDeleted(PendingChange change) => change.Kind switch
    {
        ChangeKind.Delete => true,
        ChangeKind.Create => false,
        _ when change.Fields is not null && change.Fields.TryGetValue(ThreeWayMerge.DeletedField, out var flag) =>
            string.Equals(flag, ThreeWayMerge.TrueValue, StringComparison.OrdinalIgnoreCase),
        _ => null,
    };
}
