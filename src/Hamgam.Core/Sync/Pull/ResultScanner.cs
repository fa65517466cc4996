using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Notion;

namespace Hamgam.Core.Sync.Pull;

/// <summary>The ids a scan saw and the newest edit among them.</summary>
internal sealed record ScanResult(HashSet<string> Ids, DateTimeOffset? LatestEdit);

/// <summary>
/// Walks every page of a query, sorted by created_time. When Notion stops at its 10,000-results cap
/// (<c>request_status: incomplete</c>), the walk restarts on or after the last created_time seen; rows seen twice
/// are harmless because applying is idempotent.
/// </summary>
internal sealed class ResultScanner(
    NotionClient notion, BatchApplier applier, EntityKind kind, EntityFieldSet fields, SchemaBindings bindings, RunHandle run, EntityPullReport report)
{
    /// <param name="admitNew">Which pages not yet known locally are brought in (the scope, on incremental pulls).</param>
    public async Task<ScanResult> ScanAsync(
        string dataSourceId, NotionFilter? scope, DateTimeOffset? since, Func<RemoteRecord, bool>? admitNew, bool dryRun, CancellationToken cancellationToken)
    {
        var seen = new Seen();
        DateTimeOffset? createdFrom = null;
        while (true)
        {
            var filter = PullQueries.Combine(
                scope,
                since is { } s ? NotionFilter.LastEditedTime.OnOrAfter(s) : null,
                createdFrom is { } c ? NotionFilter.CreatedTime.OnOrAfter(c) : null);
            var query = new DataSourceQuery { Filter = filter, Sorts = [NotionSort.ByCreatedTime()], PageSize = 100 };
            var (incomplete, lastCreated) = await WalkAsync(dataSourceId, query, admitNew, dryRun, seen, cancellationToken);
            if (!incomplete || lastCreated is null)
            {
                return new ScanResult(seen.Ids, seen.Latest);
            }

            if (createdFrom == lastCreated)
            {
                run.AddError(new RecordError(kind, null, null,
                    $"More than 10,000 pages were created in the minute {lastCreated:u}; Notion cannot list past that point."));
                return new ScanResult(seen.Ids, seen.Latest);
            }

            createdFrom = lastCreated;
        }
    }

    /// <summary>
    /// Pages through one query to its end, applying each page. The next page is asked for before this one is applied,
    /// so the request waits on the rate limit and the network while the batch is written: the pull runs at the request
    /// rate, not at request + write time.
    /// </summary>
    private async Task<(bool Incomplete, DateTimeOffset? LastCreated)> WalkAsync(
        string dataSourceId, DataSourceQuery query, Func<RemoteRecord, bool>? admitNew, bool dryRun, Seen seen, CancellationToken cancellationToken)
    {
        DateTimeOffset? lastCreated = null;
        var incomplete = false;
        QueryResultPage page;
        Task<QueryResultPage>? pending = notion.DataSources.QueryPageAsync(dataSourceId, query, null, cancellationToken);
        do
        {
            page = await pending;
            incomplete |= page.Incomplete; // Notion may flag any page of the walk, not only the last: sticky once seen
            pending = page is { HasMore: true, NextCursor: { } cursor } ? notion.DataSources.QueryPageAsync(dataSourceId, query, cursor, cancellationToken) : null;
            List<RemoteRecord> records;
            try
            {
                records = await ReadAsync(page.Results, cancellationToken);
                await applier.ApplyAsync(kind, records, admitNew, report, dryRun, cancellationToken);
            }
            catch when (pending is not null)
            {
                // The pull fails on this batch; the page already asked for is dropped, its outcome observed.
                _ = pending.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                throw;
            }

            foreach (var result in page.Results)
            {
                seen.Ids.Add(result.Id);
                seen.Latest = seen.Latest is null || result.LastEditedTime > seen.Latest ? result.LastEditedTime : seen.Latest;
                lastCreated = result.CreatedTime;
            }

            report.Seen += page.Results.Count;
            run.AddRecords(records.Count, $"{kind}: {report.Seen}");
        }
        while (pending is not null);

        return (incomplete, lastCreated);
    }

    private async Task<List<RemoteRecord>> ReadAsync(IReadOnlyList<NotionPage> pages, CancellationToken cancellationToken)
    {
        var records = new List<RemoteRecord>(pages.Count);
        foreach (var page in pages)
        {
            var record = PageReader.Read(page, fields, bindings, out var error);
            if (record is null)
            {
                report.Errors++;
                run.AddError(new RecordError(kind, page.Id, null, error!));
                continue;
            }

            foreach (var field in record.IncompleteRelations)
            {
                var binding = bindings.For(field)!;
                var all = new List<string>();
                await foreach (var id in notion.Pages.GetRelationIdsAsync(page.Id, binding.Id, cancellationToken))
                {
                    all.Add(id);
                }

                record.Fields[field] = Canonical.List(all);
            }

            records.Add(record);
        }

        return records;
    }

    private sealed class Seen
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? Latest { get; set; }
    }
}
