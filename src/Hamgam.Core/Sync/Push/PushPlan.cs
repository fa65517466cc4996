using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Merge;
using Hamgam.Core.Sync.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Push;

/// <summary>The pending outbox entries of one record, coalesced into the one request they become.</summary>
internal sealed record PushBatch(
    EntityKind Kind, Guid EntityId, CoalescedAction Action, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<long> EntryIds, long FirstSequence)
{
    public IReadOnlyList<string> Fields => [.. Values.Keys];
}

internal static class PushPlan
{
    /// <param name="heldElsewhere">Counts the records left out because another pusher holds them now (see <c>OutboxClaims</c>).</param>
    public static async Task<List<PushBatch>> LoadAsync(
        IDbContextFactory<HamgamDb> factory, DateTimeOffset now, CancellationToken cancellationToken, Action<int>? heldElsewhere = null)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Outbox.AsNoTracking()
            .Where(o => o.State == OutboxState.Pending)
            .OrderBy(o => o.Priority).ThenBy(o => o.Id)
            .ToListAsync(cancellationToken);
        // A record's pending entries are sent together or not at all: sending a newer edit alone and an older backed-off
        // entry later would replay the older values over it. A deferred record backs off as one; a fresh edit brings its
        // retry forward, as a user who edits again expects, but never sooner than FreshRetryFloor after the last attempt,
        // so saving again and again to a page Notion keeps failing cannot hammer Notion.
        var records = pending.GroupBy(e => (e.EntityKind, e.EntityId)).ToList();
        // A claim by a process of this machine that has died is not waited out (the claim step releases it).
        var dead = pending.Where(e => e.ClaimedBy is not null && e.ClaimedUntil >= now).Select(e => e.ClaimedBy!).Distinct(StringComparer.Ordinal)
            .Where(OutboxClaims.IsGoneFromThisMachine).ToHashSet(StringComparer.Ordinal);
        var held = records.Where(g => g.Any(e => e.ClaimedBy is not null && e.ClaimedUntil >= now && !dead.Contains(e.ClaimedBy)))
            .Select(g => g.Key).ToHashSet();
        heldElsewhere?.Invoke(held.Count);
        var entries = records.Where(g => !held.Contains(g.Key) && Due([.. g], now)).SelectMany(g => g).ToList();
        // A record with a failed create waits for that create to be retried or discarded.
        var blocked = (await db.Outbox.AsNoTracking()
            .Where(o => o.State == OutboxState.Failed && o.Operation == OutboxOperation.Create)
            .Select(o => o.EntityId).ToListAsync(cancellationToken)).ToHashSet();
        var byKey = entries.Where(e => !blocked.Contains(e.EntityId)).ToDictionary(e => e.Id);
        var changes = byKey.Values.Select(e => new PendingChange(e.Id, $"{(int)e.EntityKind}:{e.EntityId:N}", Kind(e.Operation), Canonical.Deserialize(e.Fields)));
        return [.. OutboxCoalescer.Coalesce(changes).Select(c =>
        {
            var first = byKey[c.Sequences[0]];
            return new PushBatch(first.EntityKind, first.EntityId, c.Action, c.Fields, c.Sequences, c.Sequences.Min());
        })];
    }

    /// <summary>How soon after a failed attempt a fresh edit may try the record again.</summary>
    public static readonly TimeSpan FreshRetryFloor = TimeSpan.FromSeconds(30);

    private static bool Due(List<OutboxEntry> record, DateTimeOffset now)
    {
        var deferred = record.Where(e => e.NextAttemptAt is not null).ToList();
        if (deferred.Count == 0 || deferred.All(e => e.NextAttemptAt <= now))
        {
            return true;
        }

        var lastAttempt = record.Max(e => e.LastFailedAt);
        return record.Any(e => e.NextAttemptAt is null) && (lastAttempt is null || lastAttempt + FreshRetryFloor <= now);
    }

    private static ChangeKind Kind(OutboxOperation operation) => operation switch
    {
        OutboxOperation.Create => ChangeKind.Create,
        OutboxOperation.Delete => ChangeKind.Delete,
        _ => ChangeKind.Update,
    };
}
