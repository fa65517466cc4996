using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Merge;
using Hamgam.Core.Sync.Pull;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Outbox;

/// <summary>
/// Pushes Notion rejected stay visible until the user acts: retry (after fixing, e.g., a missing option in Notion) or
/// discard, which puts the record back the way Notion has it (a rejected create is removed locally).
/// </summary>
public sealed class FailedPushes(IDbContextFactory<HamgamDb> factory, TimeProvider time)
{
    public async Task<List<OutboxEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.AsNoTracking().Where(o => o.State == OutboxState.Failed).OrderBy(o => o.Id).ToListAsync(cancellationToken);
    }

    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Outbox.SingleOrDefaultAsync(o => o.Id == id && o.State == OutboxState.Failed, cancellationToken) is not { } entry)
        {
            return false;
        }

        entry.State = OutboxState.Pending;
        entry.NextAttemptAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DiscardAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Outbox.SingleOrDefaultAsync(o => o.Id == id && o.State == OutboxState.Failed, cancellationToken) is not { } entry)
        {
            return false;
        }

        entry.State = OutboxState.Discarded;
        entry.CompletedAt = time.GetUtcNow();
        var row = await BatchApplier.Rows(db, entry.EntityKind).SingleOrDefaultAsync(e => e.Id == entry.EntityId, cancellationToken);
        if (row is not null)
        {
            Revert(row, entry);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private void Revert(SyncedEntity row, OutboxEntry entry)
    {
        if (row.NotionId is null)
        {
            row.DeletedAt ??= time.GetUtcNow();
            return;
        }

        var (baseline, deleted) = Baselines.Read(row.Baseline);
        var fields = EntityFields.For(entry.EntityKind);
        var touched = Canonical.Deserialize(entry.Fields).Keys.Where(k => fields.Find(k) is not null);
        fields.Apply(row, touched.ToDictionary(k => k, k => baseline.GetValueOrDefault(k), StringComparer.Ordinal));
        if (entry.Operation == OutboxOperation.Delete || entry.Fields.Contains(ThreeWayMerge.DeletedField, StringComparison.Ordinal))
        {
            row.DeletedAt = deleted ? row.DeletedAt ?? time.GetUtcNow() : null;
        }
    }
}
