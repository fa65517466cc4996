using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Outbox;

/// <summary>The outcome of a local update.</summary>
public enum LocalUpdateStatus
{
    Updated,
    Unchanged,
    NotFound,
    VersionConflict,
}

public sealed record LocalUpdateResult(LocalUpdateStatus Status, SyncedEntity? Entity, IReadOnlyList<string> ChangedFields);

/// <summary>
/// Every change made in Hamgam — dashboard, API, jobs — goes through here, so that the row and the outbox
/// entry that will carry it to Notion are written in one transaction: neither exists without the other.
/// </summary>
/// <remarks>With <paramref name="completion"/>, interactive task changes keep Completed Date in step with Status.</remarks>
public sealed class LocalChanges(IDbContextFactory<HamgamDb> factory, TimeProvider time, TaskCompletion? completion = null)
{
    /// <summary>Interactive edits go to Notion before background work.</summary>
    public const int InteractivePriority = 0;

    public const int BackgroundPriority = 1;

    // Each failed attempt means another writer succeeded, so progress is guaranteed; the bound only stops a runaway.
    private const int MaxSaveAttempts = 100;

    public async Task<SyncedEntity> CreateAsync(
        EntityKind kind, IReadOnlyDictionary<string, string?> values, int priority = InteractivePriority, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (completion is not null && kind == EntityKind.Task)
        {
            values = await completion.ApplyAsync(db, null, values, cancellationToken);
        }

        var entity = Create(db, kind, values, priority);
        await db.SaveChangesAsync(cancellationToken);
        return entity;
    }

    /// <summary>
    /// Applies field values. With <paramref name="expectedVersion"/> a stale version is a conflict; without it,
    /// a concurrent save is retried on fresh data so that edits of different fields never overwrite each other.
    /// </summary>
    public async Task<LocalUpdateResult> UpdateAsync(
        EntityKind kind, Guid id, IReadOnlyDictionary<string, string?> values, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var fields = EntityFields.For(kind);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (await db.FindAsync(fields.ClrType, [id], cancellationToken) is not SyncedEntity entity)
            {
                return new LocalUpdateResult(LocalUpdateStatus.NotFound, null, []);
            }

            if (expectedVersion is { } expected && expected != entity.Version)
            {
                return new LocalUpdateResult(LocalUpdateStatus.VersionConflict, entity, []);
            }

            var applied = completion is not null && entity is TaskItem task ? await completion.ApplyAsync(db, task, values, cancellationToken) : values;
            var changed = Update(db, entity, applied, InteractivePriority);
            if (changed.Count == 0)
            {
                return new LocalUpdateResult(LocalUpdateStatus.Unchanged, entity, changed);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new LocalUpdateResult(LocalUpdateStatus.Updated, entity, changed);
            }
            catch (DbUpdateConcurrencyException) when (expectedVersion is null && attempt < MaxSaveAttempts)
            {
                // Someone saved this row in between; read it again and re-apply only our fields.
            }
            catch (DbUpdateConcurrencyException)
            {
                await using var fresh = await factory.CreateDbContextAsync(cancellationToken);
                var current = await fresh.FindAsync(fields.ClrType, [id], cancellationToken) as SyncedEntity;
                return new LocalUpdateResult(current is null ? LocalUpdateStatus.NotFound : LocalUpdateStatus.VersionConflict, current, []);
            }
        }
    }

    /// <summary>Soft-deletes the row (a tombstone) and queues the trash of its Notion page.</summary>
    public async Task<bool> DeleteAsync(EntityKind kind, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.FindAsync(EntityFields.For(kind).ClrType, [id], cancellationToken) is not SyncedEntity entity)
        {
            return false;
        }

        Delete(db, entity);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds a new row and its create entry to a unit of work the caller saves.</summary>
    public SyncedEntity Create(HamgamDb db, EntityKind kind, IReadOnlyDictionary<string, string?> values, int priority)
    {
        var fields = EntityFields.For(kind);
        var entity = (SyncedEntity)Activator.CreateInstance(fields.ClrType)!;
        fields.Apply(entity, values);
        db.Add(entity);
        var snapshot = fields.Snapshot(entity).Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        Enqueue(db, kind, entity.Id, OutboxOperation.Create, snapshot, priority);
        return entity;
    }

    /// <summary>Applies values to a tracked row and queues the changed fields; returns their names.</summary>
    public List<string> Update(HamgamDb db, SyncedEntity entity, IReadOnlyDictionary<string, string?> values, int priority)
    {
        var fields = EntityFields.For(KindOf(entity));
        var changed = fields.Apply(entity, values);
        if (changed.Count > 0)
        {
            var touched = changed.ToDictionary(name => name, name => fields.Find(name)!.Get(entity), StringComparer.Ordinal);
            Enqueue(db, fields.Kind, entity.Id, OutboxOperation.Update, touched, priority);
        }

        return changed;
    }

    public void Delete(HamgamDb db, SyncedEntity entity)
    {
        entity.DeletedAt = time.GetUtcNow();
        Enqueue(db, KindOf(entity), entity.Id, OutboxOperation.Delete, new Dictionary<string, string?>(), InteractivePriority);
    }

    /// <summary>Brings a tombstoned row back and queues the restore of its page with every field.</summary>
    public void Restore(HamgamDb db, SyncedEntity entity)
    {
        var fields = EntityFields.For(KindOf(entity));
        entity.DeletedAt = null;
        var all = fields.Snapshot(entity);
        all[Merge.ThreeWayMerge.DeletedField] = Merge.ThreeWayMerge.FalseValue;
        Enqueue(db, fields.Kind, entity.Id, OutboxOperation.Update, all, InteractivePriority);
    }

    public static EntityKind KindOf(SyncedEntity entity) =>
        EntityFields.All.First(f => f.ClrType == entity.GetType()).Kind;

    private void Enqueue(HamgamDb db, EntityKind kind, Guid id, OutboxOperation operation, IReadOnlyDictionary<string, string?> fields, int priority)
    {
        db.Outbox.Add(new OutboxEntry
        {
            EntityKind = kind,
            EntityId = id,
            Operation = operation,
            Fields = Canonical.Serialize(fields),
            Priority = priority,
            State = OutboxState.Pending,
            CreatedAt = time.GetUtcNow(),
        });
    }
}
