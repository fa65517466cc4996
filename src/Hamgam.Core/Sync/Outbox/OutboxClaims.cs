using Hamgam.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Outbox;

/// <summary>
/// Claims a record's pending outbox entries for one pusher, atomically in the database, so that two pushers — two
/// processes on one PostgreSQL, or the CLI beside a running server — never send the same entries. A claim is a lease:
/// a pusher that dies mid-send leaves the record to the next pusher once <see cref="OutboxEntry.ClaimedUntil"/> passes.
/// </summary>
public sealed class OutboxClaims(IDbContextFactory<HamgamDb> factory, TimeProvider time)
{
    /// <summary>Long enough for one record's requests with the client's retries; short enough that a crash costs little.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(2);

    /// <summary>This process's pushers' name in <see cref="OutboxEntry.ClaimedBy"/>; each claim adds its own suffix.</summary>
    public static string NewOwner() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Claims every pending entry of the record. True when this owner now holds all of them and they include
    /// <paramref name="expected"/> (the entries the caller planned to send); otherwise nothing stays claimed.
    /// </summary>
    public async Task<bool> TryClaimAsync(
        EntityKind kind, Guid entityId, IReadOnlyCollection<long> expected, string owner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var until = now + lease;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // One conditional UPDATE: the database serialises it against another pusher's, so each free entry goes to one owner.
        await db.Outbox
            .Where(o => o.EntityKind == kind && o.EntityId == entityId && o.State == OutboxState.Pending
                && (o.ClaimedUntil == null || o.ClaimedUntil < now || o.ClaimedBy == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, owner).SetProperty(o => o.ClaimedUntil, until), cancellationToken);
        var pending = await db.Outbox.AsNoTracking()
            .Where(o => o.EntityKind == kind && o.EntityId == entityId && o.State == OutboxState.Pending)
            .Select(o => new { o.Id, o.ClaimedBy })
            .ToListAsync(cancellationToken);
        var mine = pending.Where(p => p.ClaimedBy == owner).Select(p => p.Id).ToHashSet();
        if (mine.Count == pending.Count && expected.All(mine.Contains))
        {
            return true;
        }

        // Another pusher holds part of the record (or already sent what we planned): it is theirs this time.
        await ReleaseAsync(kind, entityId, owner, cancellationToken);
        return false;
    }

    /// <summary>Lets go of this owner's claim on the record's entries, whatever state they ended in.</summary>
    public async Task ReleaseAsync(EntityKind kind, Guid entityId, string owner, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Outbox
            .Where(o => o.EntityKind == kind && o.EntityId == entityId && o.ClaimedBy == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, (string?)null).SetProperty(o => o.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }
}
