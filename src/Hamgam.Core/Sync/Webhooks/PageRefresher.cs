using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Core.Sync.Merge;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Time;
using Hamgam.Notion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Core.Sync.Webhooks;

/// <summary>What refreshing one page did.</summary>
public enum PageRefreshOutcome
{
    /// <summary>The page belongs to one of the four data sources and was applied (created, updated, trashed or restored).</summary>
    Applied,

    /// <summary>The page is in none of the four data sources and no local row knows it.</summary>
    NotOurs,

    /// <summary>The page left the four data sources (moved, purged or unshared): its local row became a tombstone.</summary>
    Removed,

    /// <summary>Nothing was pulled yet, so there are no bindings to read the page with; the next pull brings it in.</summary>
    NotReady,
}

/// <summary>
/// Re-reads one page, as a webhook asks: the current page is fetched and applied through the pull's own apply path,
/// so the order events arrive in does not matter. A trashed page becomes a tombstone and a restored one comes back;
/// a page moved out of the four data sources becomes a local tombstone and is never trashed in Notion.
/// </summary>
public sealed class PageRefresher(
    NotionClient notion, IDbContextFactory<HamgamDb> factory, IOptions<NotionSyncOptions> options, UserClock clock, TimeProvider time)
{
    /// <param name="pageId">The page to read again.</param>
    /// <param name="parentDataSourceId">
    /// The parent data source the event named, if any: a page elsewhere that no local row knows costs no request.
    /// </param>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    public async Task<PageRefreshOutcome> RefreshAsync(string pageId, string? parentDataSourceId = null, CancellationToken cancellationToken = default)
    {
        // At most the pull's priority, so pushes of dashboard edits always get the limiter first.
        using var priority = NotionPriority.Enter(NotionRequestPriority.Pull);
        var known = await KnownDataSourcesAsync(cancellationToken);
        if (known.Count == 0)
        {
            return PageRefreshOutcome.NotReady;
        }

        if (DataSourceResolver.NormalizeId(parentDataSourceId) is { } hint && !known.ContainsKey(hint)
            && !await IsKnownPageAsync(DataSourceResolver.NormalizeId(pageId) ?? pageId, cancellationToken))
        {
            return PageRefreshOutcome.NotOurs;
        }

        NotionPage page;
        try
        {
            page = await notion.Pages.RetrieveAsync(pageId, null, cancellationToken);
        }
        catch (NotionApiException ex) when (ex.IsNotFound)
        {
            // Purged from the trash or no longer shared: like the full pull's sweep, a tombstone.
            return await TombstoneAsync(DataSourceResolver.NormalizeId(pageId) ?? pageId, null, cancellationToken)
                ? PageRefreshOutcome.Removed : PageRefreshOutcome.NotOurs;
        }

        var parent = DataSourceResolver.NormalizeId(page.Parent?.DataSourceId);
        if (parent is null || !known.TryGetValue(parent, out var target))
        {
            return await TombstoneAsync(page.Id, null, cancellationToken) ? PageRefreshOutcome.Removed : PageRefreshOutcome.NotOurs;
        }

        await ApplyAsync(target.Kind, target.Bindings, page, cancellationToken);
        // Moved from another of the four data sources: the row it had there goes.
        await TombstoneAsync(page.Id, target.Kind, cancellationToken);
        return PageRefreshOutcome.Applied;
    }

    /// <summary>
    /// A data source's schema changed in Notion: its remembered property ids are checked again by making the next pull
    /// a full one, which reads the schema. Returns false for a data source that is not one of the four.
    /// </summary>
    public async Task<bool> ForgetSchemaAsync(string dataSourceId, CancellationToken cancellationToken = default)
    {
        var id = DataSourceResolver.NormalizeId(dataSourceId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cursors = await db.SyncCursors.ToListAsync(cancellationToken);
        // Events rendered for 2022-06-28 name the database instead (database.schema_updated); a configured database id matches too.
        var matching = cursors.Where(c => id is not null
            && (DataSourceResolver.NormalizeId(c.DataSourceId) == id || DataSourceResolver.NormalizeId(c.ConfiguredId) == id)).ToList();
        foreach (var cursor in matching)
        {
            cursor.LastFullPullAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return matching.Count > 0;
    }

    private async Task ApplyAsync(EntityKind kind, SchemaBindings bindings, NotionPage page, CancellationToken cancellationToken)
    {
        var fields = EntityFields.For(kind);
        var record = PageReader.Read(page, fields, bindings, out var error)
            ?? throw new InvalidOperationException($"{kind} page {page.Id} cannot be read: {error}");
        foreach (var field in record.IncompleteRelations)
        {
            var all = new List<string>();
            await foreach (var id in notion.Pages.GetRelationIdsAsync(page.Id, bindings.For(field)!.Id, cancellationToken))
            {
                all.Add(id);
            }

            record.Fields[field] = Canonical.List(all);
        }

        var today = clock.Today;
        var scope = options.Value.Scope;
        // As in an incremental pull: a known row is always updated, a new page comes in only when it is in scope.
        await new BatchApplier(factory, time).ApplyAsync(
            kind, [record], r => PullQueries.InScope(kind, r.Fields, scope, today), new EntityPullReport(kind), false, cancellationToken);
    }

    /// <summary>Makes the live local rows of a page tombstones, in every entity but <paramref name="except"/>; true when there was one.</summary>
    private async Task<bool> TombstoneAsync(string notionId, EntityKind? except, CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var kind in Enum.GetValues<EntityKind>().Where(k => k != except))
        {
            var fields = EntityFields.For(kind);
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var row = await BatchApplier.Rows(db, kind).SingleOrDefaultAsync(e => e.NotionId == notionId && e.DeletedAt == null, cancellationToken);
            if (row is null)
            {
                continue;
            }

            var (baseline, _) = Baselines.Read(row.Baseline);
            var remote = new RemoteRecord(row.NotionId!, row.NotionUrl, row.CreatedAt, row.NotionLastEditedTime ?? row.CreatedAt, true,
                baseline.Count > 0 ? baseline : fields.Snapshot(row), []);
            var pending = await db.Outbox.Where(o => o.EntityKind == kind && o.EntityId == row.Id && o.State == OutboxState.Pending).ToListAsync(cancellationToken);
            BatchApplier.Merge(db, fields, row, remote, pending, new EntityPullReport(kind), time.GetUtcNow());
            row.ContentHash = remote.ContentHash();
            await db.SaveChangesAsync(cancellationToken);
            any = true;
        }

        return any;
    }

    private async Task<bool> IsKnownPageAsync(string notionId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            if (await BatchApplier.Rows(db, kind).AnyAsync(e => e.NotionId == notionId && e.DeletedAt == null, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The data sources the pulls resolved, with the bindings they remembered, keyed by normalized id.</summary>
    private async Task<Dictionary<string, (EntityKind Kind, SchemaBindings Bindings)>> KnownDataSourcesAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cursors = await db.SyncCursors.AsNoTracking().ToListAsync(cancellationToken);
        var known = new Dictionary<string, (EntityKind, SchemaBindings)>(StringComparer.Ordinal);
        foreach (var cursor in cursors)
        {
            var configured = options.Value.DatabaseFor(cursor.EntityKind);
            if (string.IsNullOrEmpty(configured) || cursor.ConfiguredId != configured
                || DataSourceResolver.NormalizeId(cursor.DataSourceId) is not { } id || SchemaBindings.Deserialize(cursor.PropertyIds) is not { } bindings)
            {
                continue;
            }

            known[id] = (cursor.EntityKind, bindings);
        }

        return known;
    }
}
