using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Merge;
using Hamgam.Core.Sync.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Conflicts;

public enum ResolveStatus
{
    Resolved,
    NotFound,
    AlreadyResolved,
}

/// <summary>
/// The conflicts the merge could not settle. Keeping Notion's value only closes the conflict (Notion's value is
/// already applied); keeping mine re-applies the local value as a normal edit, so it travels through the outbox.
/// </summary>
public sealed class ConflictInbox(IDbContextFactory<HamgamDb> factory, LocalChanges changes, TimeProvider time)
{
    public async Task<List<SyncConflict>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Conflicts.AsNoTracking().Where(c => c.ResolvedAt == null)
            .OrderByDescending(c => c.DetectedAt).ToListAsync(cancellationToken);
    }

    public async Task<int> CountOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Conflicts.CountAsync(c => c.ResolvedAt == null, cancellationToken);
    }

    public async Task<ResolveStatus> ResolveAsync(Guid id, ConflictResolution resolution, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var conflict = await db.Conflicts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conflict is null)
        {
            return ResolveStatus.NotFound;
        }

        if (conflict.ResolvedAt is not null)
        {
            return ResolveStatus.AlreadyResolved;
        }

        if (resolution == ConflictResolution.KeepMine)
        {
            await ReapplyAsync(db, conflict, cancellationToken);
        }

        conflict.ResolvedAt = time.GetUtcNow();
        conflict.Resolution = resolution;
        await db.SaveChangesAsync(cancellationToken);
        return ResolveStatus.Resolved;
    }

    private async Task ReapplyAsync(HamgamDb db, SyncConflict conflict, CancellationToken cancellationToken)
    {
        var fields = EntityFields.For(conflict.EntityKind);
        if (await FindIncludingDeletedAsync(db, fields, conflict.EntityId, cancellationToken) is not { } entity)
        {
            return;
        }

        if (conflict.Field == ThreeWayMerge.DeletedField)
        {
            if (conflict.LocalValue == ThreeWayMerge.TrueValue && !entity.IsDeleted)
            {
                changes.Delete(db, entity);
            }
            else if (conflict.LocalValue != ThreeWayMerge.TrueValue && entity.IsDeleted)
            {
                changes.Restore(db, entity);
            }

            return;
        }

        changes.Update(db, entity, new Dictionary<string, string?> { [conflict.Field] = conflict.LocalValue }, LocalChanges.InteractivePriority);
    }

    private static async Task<SyncedEntity?> FindIncludingDeletedAsync(HamgamDb db, EntityFieldSet fields, Guid id, CancellationToken cancellationToken) =>
        fields.Kind switch
        {
            EntityKind.Task => await db.Tasks.IgnoreQueryFilters().SingleOrDefaultAsync(e => e.Id == id, cancellationToken),
            EntityKind.Project => await db.Projects.IgnoreQueryFilters().SingleOrDefaultAsync(e => e.Id == id, cancellationToken),
            EntityKind.Habit => await db.Habits.IgnoreQueryFilters().SingleOrDefaultAsync(e => e.Id == id, cancellationToken),
            _ => await db.DailyLogs.IgnoreQueryFilters().SingleOrDefaultAsync(e => e.Id == id, cancellationToken),
        };
}
