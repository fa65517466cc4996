namespace Hamgam.Core.Sync.Merge;

/// <summary>
/// The field-level three-way merge between the baseline (what both sides last agreed on), the local
/// dashboard row and the Notion page. Pure: no I/O, no clock; the same inputs give the same outcome.
/// </summary>
/// <remarks>
/// <para>Rules (PRODUCT.md, "Conflicts" and "Deletes"):</para>
/// <list type="bullet">
/// <item>A field changed on one side only takes that side's value; a local change is pushed.</item>
/// <item>Different fields changed on each side: both kept.</item>
/// <item>The same field changed to the same value on both sides: no conflict.</item>
/// <item>The same field changed to different values: Notion wins and the local value becomes a
/// <see cref="FieldConflict"/> carrying base, local and remote values.</item>
/// <item>Trashed in Notion: the row is tombstoned. If it was also edited locally the outcome is
/// <see cref="MergeKind.RemoteTrashedWhileLocalEdited"/>: the result is deleted (it matches Notion) and
/// the conflicts hold a <see cref="DeletedField"/> conflict plus each local edit, so nothing is lost and
/// nothing is silently resurrected.</item>
/// <item>Deleted locally: the trash is pushed, unless Notion edited the page meanwhile
/// (<see cref="MergeKind.LocalDeletedWhileRemoteEdited"/>): Notion wins, the record stays, and a
/// <see cref="DeletedField"/> conflict lets the user re-apply the delete.</item>
/// <item>Un-trashing (a baseline that is deleted) follows the ordinary per-field rule on the
/// <see cref="DeletedField"/> flag: restored in Notion is taken, restored locally is pushed. A page
/// that stays in the trash cannot be edited, so local edits to a tombstone become conflicts.</item>
/// </list>
/// <para>
/// No baseline (a row the engine has never reconciled with its page, e.g. after a crash between a create
/// and saving its baseline): Notion is the truth, so the result is the remote snapshot and nothing is
/// pushed, but no local value is dropped silently: every local non-empty value that differs from Notion
/// becomes a conflict with a null <see cref="FieldConflict.BaseValue"/>, and a deletion present on one
/// side only becomes a <see cref="DeletedField"/> conflict. A first pull into an empty local row
/// (<see cref="RecordSnapshot.Empty"/>) therefore yields <see cref="MergeKind.TakeRemote"/> with no
/// conflicts. Rows that have no Notion page yet never reach the merge: they are creates, sent by the outbox.
/// </para>
/// </remarks>
public static class ThreeWayMerge
{
    /// <summary>
    /// The pseudo-field that stands for the record's deleted flag in <see cref="MergeOutcome.FieldsToPush"/>
    /// and <see cref="FieldConflict.Field"/> (values <see cref="TrueValue"/>/<see cref="FalseValue"/>).
    /// Logical field names must not start with '$'.
    /// </summary>
    public const string DeletedField = "$deleted";

    /// <summary>The canonical "true" of the <see cref="DeletedField"/> pseudo-field.</summary>
    public const string TrueValue = "true";

    /// <summary>The canonical "false" of the <see cref="DeletedField"/> pseudo-field.</summary>
    public const string FalseValue = "false";

    private static readonly string[] NoFields = [];
    private static readonly FieldConflict[] NoConflicts = [];

    /// <summary>Merges one record. See the class remarks for the rules.</summary>
    /// <param name="baseline">What local and Notion last agreed on; null when there is none.</param>
    /// <param name="local">The dashboard's current row.</param>
    /// <param name="remote">The Notion page as just pulled (a trashed page has <see cref="RecordSnapshot.Deleted"/> set and keeps its properties).</param>
    public static MergeOutcome Merge(RecordSnapshot? baseline, RecordSnapshot local, RecordSnapshot remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        if (baseline is null)
        {
            return FirstSight(local, remote);
        }

        if (remote.Deleted && !baseline.Deleted)
        {
            return RemoteTrashed(baseline, local, remote);
        }

        if (local.Deleted && !baseline.Deleted)
        {
            return LocalDeleted(baseline, remote);
        }

        return MergeFields(baseline, local, remote);
    }

    private static MergeOutcome RemoteTrashed(RecordSnapshot baseline, RecordSnapshot local, RecordSnapshot remote)
    {
        if (local.Deleted)
        {
            return Outcome(MergeKind.BothDeleted, remote);
        }

        var lostEdits = FieldNames(baseline, local, remote)
            .Where(f => Differs(local[f], baseline[f]) && Differs(local[f], remote[f]))
            .Select(f => new FieldConflict(f, baseline[f], local[f], remote[f]))
            .ToList();
        if (lostEdits.Count == 0)
        {
            return Outcome(MergeKind.RemoteTrashed, remote);
        }

        lostEdits.Insert(0, new FieldConflict(DeletedField, FalseValue, FalseValue, TrueValue));
        return Outcome(MergeKind.RemoteTrashedWhileLocalEdited, remote, conflicts: lostEdits);
    }

    private static MergeOutcome LocalDeleted(RecordSnapshot baseline, RecordSnapshot remote)
    {
        var remoteEdited = FieldNames(baseline, remote).Any(f => Differs(remote[f], baseline[f]));
        if (!remoteEdited)
        {
            return Outcome(MergeKind.LocalDeleted, remote with { Deleted = true }, push: [DeletedField]);
        }

        var conflict = new FieldConflict(DeletedField, FalseValue, TrueValue, FalseValue);
        return Outcome(MergeKind.LocalDeletedWhileRemoteEdited, remote, conflicts: [conflict]);
    }

    private static MergeOutcome MergeFields(RecordSnapshot baseline, RecordSnapshot local, RecordSnapshot remote)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        var push = new List<string>();
        var conflicts = new List<FieldConflict>();
        var remoteChanges = 0;

        var deleted = remote.Deleted;
        if (local.Deleted != baseline.Deleted && remote.Deleted == baseline.Deleted)
        {
            deleted = local.Deleted;
            push.Add(DeletedField);
        }
        else if (remote.Deleted != baseline.Deleted && local.Deleted == baseline.Deleted)
        {
            remoteChanges++;
        }

        foreach (var field in FieldNames(baseline, local, remote))
        {
            string? b = baseline[field], l = local[field], r = remote[field];
            bool localChanged = Differs(l, b), remoteChanged = Differs(r, b);
            var pushable = localChanged && !remoteChanged && !deleted;
            result[field] = pushable ? l : r;
            if (pushable)
            {
                push.Add(field);
            }
            else if (remoteChanged && !localChanged)
            {
                remoteChanges++;
            }
            else if (localChanged && Differs(l, r))
            {
                conflicts.Add(new FieldConflict(field, b, l, r));
            }
        }

        var kind = Classify(conflicts.Count > 0, push.Count > 0, remoteChanges > 0);
        return Outcome(kind, new RecordSnapshot(result, deleted), push, conflicts);
    }

    private static MergeKind Classify(bool conflicted, bool localChanged, bool remoteChanged) =>
        (conflicted, localChanged, remoteChanged) switch
        {
            (true, _, _) => MergeKind.Conflicted,
            (false, true, true) => MergeKind.Merged,
            (false, true, false) => MergeKind.KeepLocal,
            (false, false, true) => MergeKind.TakeRemote,
            _ => MergeKind.Unchanged,
        };

    private static MergeOutcome FirstSight(RecordSnapshot local, RecordSnapshot remote)
    {
        if (local.Equals(remote))
        {
            return Outcome(MergeKind.Unchanged, remote);
        }

        if (local.Deleted)
        {
            return remote.Deleted
                ? Outcome(MergeKind.BothDeleted, remote)
                : Outcome(
                    MergeKind.LocalDeletedWhileRemoteEdited,
                    remote,
                    conflicts: [new FieldConflict(DeletedField, null, TrueValue, FalseValue)]);
        }

        var lostValues = FieldNames(local, remote)
            .Where(f => local[f] is not null && Differs(local[f], remote[f]))
            .Select(f => new FieldConflict(f, null, local[f], remote[f]))
            .ToList();
        if (!remote.Deleted)
        {
            return lostValues.Count == 0
                ? Outcome(MergeKind.TakeRemote, remote)
                : Outcome(MergeKind.Conflicted, remote, conflicts: lostValues);
        }

        if (lostValues.Count == 0)
        {
            return Outcome(MergeKind.RemoteTrashed, remote);
        }

        lostValues.Insert(0, new FieldConflict(DeletedField, null, FalseValue, TrueValue));
        return Outcome(MergeKind.RemoteTrashedWhileLocalEdited, remote, conflicts: lostValues);
    }

    private static MergeOutcome Outcome(
        MergeKind kind,
        RecordSnapshot result,
        IReadOnlyList<string>? push = null,
        IReadOnlyList<FieldConflict>? conflicts = null) =>
        new(kind, result, push?.ToArray() ?? NoFields, conflicts?.ToArray() ?? NoConflicts);

    private static bool Differs(string? a, string? b) => !string.Equals(a, b, StringComparison.Ordinal);

    private static SortedSet<string> FieldNames(params RecordSnapshot[] snapshots) =>
        new(snapshots.SelectMany(s => s.Fields.Keys), StringComparer.Ordinal);
}
