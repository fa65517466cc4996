using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Core.Sync.Merge;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Time;
using Hamgam.Notion;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Pull;

/// <summary>
/// Queries never return trashed pages, so after a full listing every local row that is in scope but was not listed
/// is checked page by page: trashed, moved to another parent, or gone (404) becomes a tombstone through the merge;
/// anything else just left the scope. If more than the configured fraction of an entity would go, nothing is deleted and the run says why.
/// </summary>
internal sealed class DeletionSweeper(NotionClient notion, IDbContextFactory<HamgamDb> factory, NotionSyncOptions options, UserClock clock, TimeProvider time)
{
    /// <summary>Rows are read in chunks of this many, so a sweep never holds every row of a large entity at once.</summary>
    private const int Chunk = 500;

    public async Task SweepAsync(
        EntityKind kind, string dataSourceId, HashSet<string> listed, PullRequest request, EntityPullReport report, RunHandle run, CancellationToken cancellationToken)
    {
        var (liveCount, missing) = await FindMissingAsync(kind, listed, cancellationToken);
        if (missing.Count == 0)
        {
            return;
        }

        if (!request.AllowMassDelete && liveCount >= options.MassDeleteMinimumRows && missing.Count > liveCount * options.MassDeleteFraction)
        {
            report.MassDeleteHalt =
                $"{kind}: {missing.Count} of {liveCount} rows are no longer listed by Notion. Nothing was deleted; " +
                "if this is intended, run `hamgam sync --pull --full --allow-mass-delete`.";
            run.AddError(new RecordError(kind, null, null, report.MassDeleteHalt));
            return;
        }

        foreach (var (id, notionId) in missing)
        {
            if (await IsGoneAsync(notionId, dataSourceId, cancellationToken))
            {
                await TombstoneAsync(factory, time, kind, id, report, request.DryRun, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The number of live synced rows, and those in scope that the listing did not return. Only ids are read for every
    /// row (a 100,000-row entity would otherwise be held whole, with its baselines); whole rows are read, in chunks, only
    /// for the unlisted ones, to check the scope.
    /// </summary>
    private async Task<(int LiveCount, List<(Guid Id, string NotionId)> Missing)> FindMissingAsync(
        EntityKind kind, HashSet<string> listed, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var live = await BatchApplier.Rows(db, kind).AsNoTracking().Where(e => e.DeletedAt == null && e.NotionId != null)
            .Select(e => new { e.Id, e.NotionId }).ToListAsync(cancellationToken);
        var unlisted = live.Where(e => !listed.Contains(e.NotionId!)).Select(e => e.Id).ToList();
        var missing = new List<(Guid, string)>();
        foreach (var chunk in unlisted.Chunk(Chunk))
        {
            var rows = await BatchApplier.Rows(db, kind).AsNoTracking().Where(e => chunk.Contains(e.Id)).ToListAsync(cancellationToken);
            missing.AddRange(rows.Where(e => PullQueries.InScope(kind, e, options.Scope, today)).Select(e => (e.Id, e.NotionId!)));
        }

        return (live.Count, missing);
    }

    private async Task<bool> IsGoneAsync(string pageId, string dataSourceId, CancellationToken cancellationToken)
    {
        try
        {
            var page = await notion.Pages.RetrieveAsync(pageId, ["title"], cancellationToken);
            // Moved elsewhere in Notion (another data source, under a page): no longer a row of this data source.
            return page.InTrash || DataSourceResolver.NormalizeId(page.Parent?.DataSourceId) != DataSourceResolver.NormalizeId(dataSourceId);
        }
        catch (NotionApiException ex) when (ex.IsNotFound)
        {
            return true;
        }
    }

    /// <summary>Turns a row into a tombstone the way a trashed page seen in a listing would: through the merge, so its
    /// pending outbox entries are withdrawn, and with Notion's side recorded as deleted, so nothing is pushed back.</summary>
    internal static async Task TombstoneAsync(
        IDbContextFactory<HamgamDb> factory, TimeProvider time, EntityKind kind, Guid id, EntityPullReport report, bool dryRun, CancellationToken cancellationToken)
    {
        var fields = EntityFields.For(kind);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await BatchApplier.Rows(db, kind).SingleAsync(e => e.Id == id, cancellationToken);
        var (baseline, _) = Baselines.Read(row.Baseline);
        var remote = new RemoteRecord(row.NotionId!, row.NotionUrl, row.CreatedAt, row.NotionLastEditedTime ?? row.CreatedAt, true,
            baseline.Count > 0 ? baseline : fields.Snapshot(row), []);
        var pending = await db.Outbox.Where(o => o.EntityKind == kind && o.EntityId == id && o.State == OutboxState.Pending).ToListAsync(cancellationToken);
        BatchApplier.Merge(db, fields, row, remote, pending, report, time.GetUtcNow());
        row.ContentHash = remote.ContentHash();
        if (!dryRun)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
