using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Projects;
using Hamgam.Core.Sync.Conflicts;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Core.Sync.Merge;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Pull;

/// <summary>
/// Applies one page of query results in one transaction: rows whose content hash is unchanged are not touched;
/// the rest are merged field by field against their baseline (Notion wins a same-field conflict, and the local
/// value goes to the conflict inbox). Existing rows are loaded with one query, never one SELECT per row.
/// </summary>
internal sealed class BatchApplier(IDbContextFactory<HamgamDb> factory, TimeProvider time)
{
    /// <summary>
    /// Applies a batch; a dashboard edit saved in between (a concurrency conflict) makes it start again on fresh rows,
    /// so the edit is merged rather than overwritten and the run does not fail.
    /// </summary>
    public async Task ApplyAsync(
        EntityKind kind, IReadOnlyList<RemoteRecord> records, Func<RemoteRecord, bool>? admitNew, EntityPullReport report, bool dryRun, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var scratch = new EntityPullReport(kind);
            try
            {
                // Copies: applying maps relation ids in place, and a retry must start from Notion's values again.
                var fresh = records.Select(r => r with { Fields = new Dictionary<string, string?>(r.Fields, StringComparer.Ordinal) }).ToList();
                await ApplyOnceAsync(kind, fresh, admitNew, scratch, dryRun, cancellationToken);
                report.Absorb(scratch);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // Someone edited one of these rows while we merged; merge again against what they saved.
            }
        }
    }

    private async Task ApplyOnceAsync(
        EntityKind kind, List<RemoteRecord> records, Func<RemoteRecord, bool>? admitNew, EntityPullReport report, bool dryRun, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var fields = EntityFields.For(kind);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = records.Select(r => r.NotionId).ToList();
        var existing = await Rows(db, kind).Where(e => ids.Contains(e.NotionId!)).ToDictionaryAsync(e => e.NotionId!, cancellationToken);
        var projects = kind == EntityKind.Task ? await ProjectIdsAsync(db, records, cancellationToken) : [];
        var rowIds = existing.Values.Select(e => e.Id).ToList();
        var pending = (await db.Outbox.Where(o => o.EntityKind == kind && rowIds.Contains(o.EntityId) && o.State == OutboxState.Pending)
            .ToListAsync(cancellationToken)).ToLookup(o => o.EntityId);
        var now = time.GetUtcNow();
        var inFlight = await InFlightCreatesAsync(db, kind, fields, cancellationToken);

        foreach (var record in records)
        {
            var relatedIds = MapRelations(record, projects);
            var hash = record.ContentHash();
            if (existing.TryGetValue(record.NotionId, out var row))
            {
                if (row.ContentHash == hash)
                {
                    report.Unchanged++;
                    continue;
                }

                Merge(db, fields, row, record, [.. pending[row.Id]], report, now);
            }
            else if (Adopt(record, inFlight, fields) is { } creator)
            {
                // A create whose answer was lost: this page is that row's, not a new one. Its pending create becomes an update.
                creator.NotionId = record.NotionId;
                creator.NotionUrl = record.Url;
                // The page is what that create sent: the agreed starting point, so edits made here since are pushed, not conflicts.
                creator.Baseline = Baselines.Write(record.Fields, record.InTrash);
                creator.NotionLastEditedTime = record.LastEditedTime;
                report.Updated++;
                continue;
            }
            else if (!record.InTrash && (admitNew is null || admitNew(record)))
            {
                row = (SyncedEntity)Activator.CreateInstance(fields.ClrType)!;
                row.NotionId = record.NotionId;
                row.CreatedAt = record.CreatedTime;
                fields.Apply(row, record.Fields);
                row.Baseline = Baselines.Write(record.Fields, false);
                db.Add(row);
                report.Created++;
                report.AddChange(new PlannedChange(kind, record.NotionId, PlannedAction.Create, [.. record.Fields.Keys]));
            }
            else
            {
                continue;
            }

            row.ContentHash = hash;
            row.NotionUrl = record.Url;
            row.NotionLastEditedTime = record.LastEditedTime;
            row.LastSynced = now;
            if (row is TaskItem task && relatedIds is not null)
            {
                task.RelatedProjectNotionIds = relatedIds;
            }
        }

        if (!dryRun)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Rows whose create was sent (or may have been) but whose page id was never saved.</summary>
    private static async Task<List<(SyncedEntity Row, DateTimeOffset Attempted)>> InFlightCreatesAsync(
        HamgamDb db, EntityKind kind, EntityFieldSet fields, CancellationToken cancellationToken)
    {
        var attempts = await db.Outbox
            .Where(o => o.EntityKind == kind && o.Operation == OutboxOperation.Create && o.State == OutboxState.Pending && o.LastAttemptAt != null)
            .Select(o => new { o.EntityId, o.LastAttemptAt }).ToListAsync(cancellationToken);
        if (attempts.Count == 0)
        {
            return [];
        }

        var ids = attempts.Select(a => a.EntityId).ToList();
        var rows = await Rows(db, kind).Where(e => ids.Contains(e.Id) && e.NotionId == null).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r, attempts.Where(a => a.EntityId == r.Id).Min(a => a.LastAttemptAt!.Value)))];
    }

    private static SyncedEntity? Adopt(RemoteRecord record, List<(SyncedEntity Row, DateTimeOffset Attempted)> inFlight, EntityFieldSet fields)
    {
        var title = fields.Fields.First(f => f.Kind == FieldKind.Title);
        var match = inFlight.FirstOrDefault(c => c.Row.NotionId is null
            && record.CreatedTime >= c.Attempted.AddMinutes(-2)
            && string.Equals(title.Get(c.Row), record.Fields.GetValueOrDefault(title.Name), StringComparison.Ordinal));
        return match.Row;
    }

    public static IQueryable<SyncedEntity> Rows(HamgamDb db, EntityKind kind) => kind switch
    {
        EntityKind.Task => db.Tasks.IgnoreQueryFilters(),
        EntityKind.Project => db.Projects.IgnoreQueryFilters(),
        EntityKind.Habit => db.Habits.IgnoreQueryFilters(),
        _ => db.DailyLogs.IgnoreQueryFilters(),
    };

    /// <summary>Merges a remote record into an existing row, records conflicts, and withdraws superseded outbox fields.</summary>
    public static void Merge(HamgamDb db, EntityFieldSet fields, SyncedEntity row, RemoteRecord record, List<OutboxEntry> pending, EntityPullReport report, DateTimeOffset now)
    {
        var (baselineFields, baselineDeleted) = Baselines.Read(row.Baseline);
        var remoteFields = new Dictionary<string, string?>(record.Fields, StringComparer.Ordinal);
        foreach (var field in fields.Fields.Where(f => !remoteFields.ContainsKey(f.Name)))
        {
            // A field Notion does not have (an unbound optional property) is "unchanged" there, never "cleared".
            remoteFields[field.Name] = baselineFields.TryGetValue(field.Name, out var b) ? b : field.Get(row);
        }

        var baseline = row.Baseline is null ? null : new RecordSnapshot(baselineFields, baselineDeleted);
        var local = new RecordSnapshot(fields.Snapshot(row), row.IsDeleted);
        var remote = new RecordSnapshot(remoteFields, record.InTrash);
        var outcome = ThreeWayMerge.Merge(baseline, local, remote);
        if (outcome.Kind == MergeKind.Unchanged && row.IsDeleted == record.InTrash && SameValues(fields, row, outcome.Merged))
        {
            row.Baseline = Baselines.Write(remoteFields, record.InTrash);
            report.Unchanged++;
            return;
        }

        var changed = fields.Apply(row, outcome.Merged.Fields);
        var wasDeleted = row.IsDeleted;
        row.DeletedAt = outcome.Merged.Deleted ? row.DeletedAt ?? now : null;
        row.Baseline = Baselines.Write(remoteFields, record.InTrash);
        foreach (var conflict in outcome.Conflicts)
        {
            db.Conflicts.Add(new SyncConflict
            {
                Id = Guid.CreateVersion7(now), EntityKind = fields.Kind, EntityId = row.Id, Field = conflict.Field,
                BaseValue = conflict.BaseValue, LocalValue = conflict.LocalValue, RemoteValue = conflict.RemoteValue, DetectedAt = now,
            });
        }

        WithdrawSuperseded(pending, outcome, TakenFromNotion(fields, baseline, local, remote));
        report.Conflicts += outcome.Conflicts.Count;
        var action = outcome.Conflicts.Count > 0 ? PlannedAction.Conflict
            : row.IsDeleted && !wasDeleted ? PlannedAction.Delete
            : PlannedAction.Update;
        if (row.IsDeleted && !wasDeleted)
        {
            report.Deleted++;
        }
        else
        {
            report.Updated++;
        }

        report.AddChange(new PlannedChange(fields.Kind, record.NotionId, action, changed));
    }

    /// <summary>
    /// Fields Notion changed since the baseline while the row still holds the baseline value. A pending outbox value for
    /// such a field is one Notion already had (a lost answer, an adopted create) or an edit undone here: sending it again
    /// would overwrite Notion's newer value.
    /// </summary>
    private static HashSet<string> TakenFromNotion(EntityFieldSet fields, RecordSnapshot? baseline, RecordSnapshot local, RecordSnapshot remote) =>
        baseline is null
            ? []
            : fields.Fields.Select(f => f.Name)
                .Where(f => !string.Equals(remote[f], baseline[f], StringComparison.Ordinal) && string.Equals(local[f], baseline[f], StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Outbox fields that lost a conflict or that Notion changed since (<see cref="TakenFromNotion"/>), and entries that target a
    /// page that is now trashed or a delete Notion overruled, must not be pushed later. A create entry (of an adopted page)
    /// only loses such fields, unless the page was trashed: what is left of it is sent as an update.
    /// </summary>
    private static void WithdrawSuperseded(List<OutboxEntry> pending, MergeOutcome outcome, HashSet<string> taken)
    {
        var lost = outcome.Conflicts.Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
        var superseded = lost.Union(taken).Where(f => f != ThreeWayMerge.DeletedField).ToHashSet(StringComparer.Ordinal);
        // Deleted here but edited in Notion: Notion's whole record wins, so edits made here before the delete go with it
        // (pushing them would overwrite Notion's winning values and leave the row different from the page).
        var trashed = outcome.Kind is MergeKind.RemoteTrashed or MergeKind.RemoteTrashedWhileLocalEdited or MergeKind.LocalDeletedWhileRemoteEdited;
        foreach (var entry in pending)
        {
            var isCreate = entry.Operation == OutboxOperation.Create;
            // A create entry here belongs to an adopted page (the row has one): once that page is trashed there is nothing left to send.
            if (trashed || (entry.Operation == OutboxOperation.Delete && lost.Contains(ThreeWayMerge.DeletedField)))
            {
                entry.State = OutboxState.Discarded;
                continue;
            }

            var values = Canonical.Deserialize(entry.Fields);
            var withdrawn = values.Keys.Where(k => superseded.Contains(k) || (!isCreate && lost.Contains(k))).ToList();
            if (withdrawn.Count > 0)
            {
                foreach (var field in withdrawn)
                {
                    values.Remove(field);
                }

                entry.Fields = Canonical.Serialize(values);
                entry.State = values.Count == 0 && !isCreate ? OutboxState.Discarded : entry.State;
            }
        }
    }

    private static bool SameValues(EntityFieldSet fields, SyncedEntity row, RecordSnapshot result) =>
        fields.Fields.All(f => string.Equals(f.Get(row), result[f.Name], StringComparison.Ordinal));

    internal static async Task<Dictionary<string, Guid>> ProjectIdsAsync(HamgamDb db, IReadOnlyList<RemoteRecord> records, CancellationToken cancellationToken)
    {
        var related = records.SelectMany(r => Canonical.ParseList(r.Fields.GetValueOrDefault("projectId"))).Distinct().ToList();
        if (related.Count == 0)
        {
            return [];
        }

        return await db.Set<Project>().IgnoreQueryFilters().Where(p => related.Contains(p.NotionId!))
            .ToDictionaryAsync(p => p.NotionId!, p => p.Id, cancellationToken);
    }

    /// <summary>Replaces the related page ids of <c>projectId</c> by the local id of the first known project; returns all ids.</summary>
    internal static List<string>? MapRelations(RemoteRecord record, Dictionary<string, Guid> projects)
    {
        if (!record.Fields.TryGetValue("projectId", out var related))
        {
            return null;
        }

        var ids = Canonical.ParseList(related);
        var first = ids.Select(id => projects.TryGetValue(id, out var local) ? local : (Guid?)null).FirstOrDefault(id => id is not null);
        record.Fields["projectId"] = Canonical.Id(first);
        return ids;
    }
}
