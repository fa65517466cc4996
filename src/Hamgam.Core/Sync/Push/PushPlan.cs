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
    public static async Task<List<PushBatch>> LoadAsync(IDbContextFactory<HamgamDb> factory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Outbox.AsNoTracking()
            .Where(o => o.State == OutboxState.Pending)
            .OrderBy(o => o.Priority).ThenBy(o => o.Id)
            .ToListAsync(cancellationToken);
        // A record's pending entries are sent together or not at all: sending a newer edit alone and an older backed-off
        // entry later would replay the older values over it. A fresh edit (not yet backed off) retries the whole record
        // at once, as a user who edits again expects; a deferred batch backs off all of its entries together.
        var entries = pending.GroupBy(e => (e.EntityKind, e.EntityId))
            .Where(g => g.Any(e => e.NextAttemptAt is null || e.NextAttemptAt <= now))
            .SelectMany(g => g)
            .ToList();
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

    private static ChangeKind Kind(OutboxOperation operation) => operation switch
    {
        OutboxOperation.Create => ChangeKind.Create,
        OutboxOperation.Delete => ChangeKind.Delete,
        _ => ChangeKind.Update,
    };
}
