using Hamgam.Core.Data;
using Hamgam.Core.Sync.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Features.Api;

/// <summary>Reads, for a page of records, whether each is synced, waiting in the outbox, or failed.</summary>
public static class SyncStates
{
    public static async Task<Dictionary<Guid, SyncMeta>> LoadAsync(
        HamgamDb db, EntityKind kind, IEnumerable<SyncedEntity> records, CancellationToken cancellationToken)
    {
        var list = records.ToList();
        var ids = list.Select(r => r.Id).ToList();
        var open = await db.Outbox.AsNoTracking()
            .Where(o => o.EntityKind == kind && ids.Contains(o.EntityId) && (o.State == OutboxState.Pending || o.State == OutboxState.Failed))
            .Select(o => new { o.EntityId, o.State, o.LastError })
            .ToListAsync(cancellationToken);
        var byId = open.ToLookup(o => o.EntityId);
        return list.ToDictionary(r => r.Id, r =>
        {
            var entries = byId[r.Id].ToList();
            var failed = entries.FirstOrDefault(e => e.State == OutboxState.Failed);
            return failed is not null ? new SyncMeta("failed", failed.LastError)
                : entries.Count > 0 ? new SyncMeta("pending", null)
                : r.NotionId is null ? new SyncMeta("local", null)
                : new SyncMeta("synced", null);
        });
    }
}
