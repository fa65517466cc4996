using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Core.Sync.Merge;
using Hamgam.Core.Sync.Pull;
using Hamgam.Notion;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Push;

/// <summary>
/// Before a push overwrites properties, pages edited in Notion since Hamgam last saw them are merged in first, exactly as a
/// pull would merge them: a field changed on both sides becomes a conflict (Notion wins, the local value goes to the inbox
/// and leaves the outbox) instead of being silently overwritten by the push. One query per entity with pending updates.
/// </summary>
/// <remarks>Notion has no conditional writes, so an edit made between this query and the update can still be overwritten.</remarks>
internal sealed class RemoteEditCheck(NotionClient notion, IDbContextFactory<HamgamDb> factory, SchemaCache schema, TimeProvider time, int overlapMinutes)
{
    /// <summary>Merges recent Notion edits of the batches' pages; returns the kinds that could not be checked (their updates wait).</summary>
    public async Task<HashSet<EntityKind>> MergeAsync(IReadOnlyList<PushBatch> batches, RunHandle run, CancellationToken cancellationToken)
    {
        var waiting = new HashSet<EntityKind>();
        foreach (var group in batches.Where(b => b.Action != CoalescedAction.Create).GroupBy(b => b.Kind))
        {
            try
            {
                await MergeKindAsync(group.Key, [.. group.Select(b => b.EntityId)], run, cancellationToken);
            }
            catch (NotionApiException ex) when (ex.IsTransient)
            {
                waiting.Add(group.Key);
                run.AddError(new RecordError(group.Key, null, null,
                    $"Could not check Notion for edits before pushing ({ex.Status} {ex.Code}: {ex.Message}); the updates wait for the next push."));
            }
        }

        return waiting;
    }

    /// <summary>
    /// An update refused because the page is in Notion's trash (trashed since the last pull, which a query cannot show):
    /// the trashed page is merged like a pull would merge it. The row becomes a tombstone, local edits go to the conflict
    /// inbox, and the outbox entries that can no longer be sent are discarded. False when the page cannot be read.
    /// </summary>
    public async Task<bool> MergeTrashedAsync(EntityKind kind, string pageId, SchemaBindings bindings, RunHandle run, CancellationToken cancellationToken)
    {
        var page = await notion.Pages.RetrieveAsync(pageId, cancellationToken: cancellationToken);
        if (!page.InTrash)
        {
            // The refusal was about something else: the caller reports it as it came.
            return false;
        }

        if (PageReader.Read(page, EntityFields.For(kind), bindings, out var error) is not { } record)
        {
            run.AddError(new RecordError(kind, pageId, null, error!));
            return false;
        }

        foreach (var field in record.IncompleteRelations)
        {
            record.Fields.Remove(field);
        }

        await new BatchApplier(factory, time).ApplyAsync(kind, [record], static _ => false, new EntityPullReport(kind), dryRun: false, cancellationToken);
        return true;
    }

    private async Task MergeKindAsync(EntityKind kind, List<Guid> ids, RunHandle run, CancellationToken cancellationToken)
    {
        List<(string NotionId, DateTimeOffset? Seen)> rows;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            rows = (await BatchApplier.Rows(db, kind).AsNoTracking().Where(e => ids.Contains(e.Id) && e.NotionId != null)
                .Select(e => new { e.NotionId, e.NotionLastEditedTime }).ToListAsync(cancellationToken))
                .Select(e => (e.NotionId!, e.NotionLastEditedTime)).ToList();
        }

        if (rows.Count == 0 || await schema.GetAsync(kind, cancellationToken) is not { } known)
        {
            return;
        }

        var wanted = rows.Select(r => r.NotionId).ToHashSet(StringComparer.Ordinal);
        // A row never seen in a page answer (say, adopted after a lost create answer) could have been edited at any time.
        var since = rows.Any(r => r.Seen is null) ? null : rows.Min(r => r.Seen);
        var query = new DataSourceQuery
        {
            Filter = since is { } s ? NotionFilter.LastEditedTime.OnOrAfter(s.AddMinutes(-overlapMinutes)) : null,
            Sorts = [NotionSort.ByCreatedTime()],
            PageSize = 100,
        };
        var fields = EntityFields.For(kind);
        var records = new List<RemoteRecord>();
        await foreach (var page in notion.DataSources.QueryAsync(known.DataSourceId, query, cancellationToken))
        {
            if (!wanted.Contains(page.Id))
            {
                continue;
            }

            if (PageReader.Read(page, fields, known.Bindings, out var error) is not { } record)
            {
                run.AddError(new RecordError(kind, page.Id, null, error!));
                continue;
            }

            // A relation cut at 25 entries is left to the next pull, which fetches it whole; unchanged here.
            foreach (var field in record.IncompleteRelations)
            {
                record.Fields.Remove(field);
            }

            records.Add(record);
        }

        await new BatchApplier(factory, time).ApplyAsync(kind, records, static _ => false, new EntityPullReport(kind), dryRun: false, cancellationToken);
    }
}
