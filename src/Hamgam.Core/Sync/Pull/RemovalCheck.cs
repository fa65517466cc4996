using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Notion;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Pull;

/// <summary>An entity pulled incrementally: its data source, and the edit time from which on its pages were read.</summary>
internal sealed record RemovalScope(EntityKind Kind, string DataSourceId, DateTimeOffset Since);

/// <summary>
/// Queries never return trashed pages, and a page moved to another parent simply stops being listed. After the
/// incremental pulls, one search of the trash, newest edit first, read only back to the pull cursor (so about one
/// request), finds pages of the four data sources trashed since; every <see cref="NotionSyncOptions.CheckMovesEvery"/>, a
/// second search of recently edited pages finds known pages that now live elsewhere. Both become tombstones through the sweep's merge path
/// (never a trash in Notion), under the same mass-delete halt. Search lags behind edits; the full pull stays the backstop.
/// </summary>
internal sealed class RemovalCheck(
    NotionClient notion, IDbContextFactory<HamgamDb> factory, NotionSyncOptions options, MoveCheckSchedule moves, TimeProvider time)
{
    /// <summary>A bound on one search walk; whatever lies further back is left to the full pull.</summary>
    private const int MaxRequests = 10;

    public async Task CheckAsync(
        IReadOnlyList<RemovalScope> scopes, PullRequest request, IReadOnlyDictionary<EntityKind, EntityPullReport> reports, RunHandle run,
        CancellationToken cancellationToken)
    {
        if (scopes.Count == 0 || !options.CheckTrashEveryPoll)
        {
            return;
        }

        // Every cursor is at most the previous poll's time, so anything trashed or moved since was edited after the newest.
        var since = scopes.Max(s => s.Since);
        var kinds = scopes.GroupBy(s => Id(s.DataSourceId), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        var gone = new Dictionary<EntityKind, HashSet<string>>();
        await foreach (var page in RecentAsync(SearchRequest.TrashedPagesNewestFirst(), since, cancellationToken))
        {
            // A result restored since the index was written reads in_trash: false; the pull already brought it back.
            if (page.InTrash && kinds.TryGetValue(Id(page.Parent?.DataSourceId), out var kind))
            {
                Add(gone, kind, page.Id);
            }
        }

        if (moves.TryStart(time.GetUtcNow(), options.CheckMovesEvery, since, out var movedSince))
        {
            var located = new Dictionary<string, string>(StringComparer.Ordinal);
            var recent = new SearchRequest { ObjectKind = SearchObjectKind.Page, LastEditedTimeSort = SortDirection.Descending, PageSize = 100 };
            await foreach (var page in RecentAsync(recent, movedSince, cancellationToken))
            {
                located[page.Id] = Id(page.Parent?.DataSourceId);
            }

            await FindMovedAsync(scopes, located, gone, cancellationToken);
        }

        foreach (var (kind, ids) in gone)
        {
            await TombstoneAsync(kind, ids, request, reports[kind], run, cancellationToken);
        }
    }

    /// <summary>Pages of the search, newest edit first, until one is older than <paramref name="since"/>.</summary>
    private async IAsyncEnumerable<NotionPage> RecentAsync(
        SearchRequest search, DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        for (var requests = 0; requests < MaxRequests; requests++)
        {
            var page = await notion.Search.SearchPageAsync(search, cursor, cancellationToken);
            foreach (var result in page.Results)
            {
                if (result.Page is not { } found)
                {
                    continue;
                }

                if (found.LastEditedTime < since)
                {
                    yield break;
                }

                yield return found;
            }

            cursor = page.NextCursor;
            if (!page.HasMore || cursor is null)
            {
                yield break;
            }
        }
    }

    /// <summary>Known live rows whose page now has another parent than their entity's data source.</summary>
    private async Task FindMovedAsync(
        IReadOnlyList<RemovalScope> scopes, Dictionary<string, string> located, Dictionary<EntityKind, HashSet<string>> gone, CancellationToken cancellationToken)
    {
        if (located.Count == 0)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var scope in scopes)
        {
            var elsewhere = located.Where(l => l.Value != Id(scope.DataSourceId)).Select(l => l.Key).ToList();
            var moved = await BatchApplier.Rows(db, scope.Kind).AsNoTracking()
                .Where(e => e.DeletedAt == null && elsewhere.Contains(e.NotionId!)).Select(e => e.NotionId!).ToListAsync(cancellationToken);
            foreach (var id in moved)
            {
                Add(gone, scope.Kind, id);
            }
        }
    }

    private async Task TombstoneAsync(
        EntityKind kind, HashSet<string> notionIds, PullRequest request, EntityPullReport report, RunHandle run, CancellationToken cancellationToken)
    {
        List<Guid> targets;
        int liveCount;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var ids = notionIds.ToList();
            targets = await BatchApplier.Rows(db, kind).AsNoTracking()
                .Where(e => e.DeletedAt == null && ids.Contains(e.NotionId!)).Select(e => e.Id).ToListAsync(cancellationToken);
            if (targets.Count == 0)
            {
                return;
            }

            liveCount = await BatchApplier.Rows(db, kind).CountAsync(e => e.DeletedAt == null && e.NotionId != null, cancellationToken);
        }

        if (!request.AllowMassDelete && liveCount >= options.MassDeleteMinimumRows && targets.Count > liveCount * options.MassDeleteFraction)
        {
            report.MassDeleteHalt =
                $"{kind}: {targets.Count} of {liveCount} rows were trashed or moved in Notion. Nothing was deleted; " +
                "if this is intended, run `hamgam sync --pull --allow-mass-delete`.";
            run.AddError(new RecordError(kind, null, null, report.MassDeleteHalt));
            return;
        }

        foreach (var id in targets)
        {
            await DeletionSweeper.TombstoneAsync(factory, time, kind, id, report, request.DryRun, cancellationToken);
        }
    }

    private static void Add(Dictionary<EntityKind, HashSet<string>> gone, EntityKind kind, string notionId)
    {
        if (!gone.TryGetValue(kind, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            gone[kind] = ids;
        }

        ids.Add(notionId);
    }

    private static string Id(string? id) => DataSourceResolver.NormalizeId(id) ?? string.Empty;
}
