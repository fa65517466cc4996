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
        var ids = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? latest = null;
        DateTimeOffset? createdFrom = null;
        while (true)
        {
            var filter = PullQueries.Combine(
                scope,
                since is { } s ? NotionFilter.LastEditedTime.OnOrAfter(s) : null,
                createdFrom is { } c ? NotionFilter.CreatedTime.OnOrAfter(c) : null);
            var query = new DataSourceQuery { Filter = filter, Sorts = [NotionSort.ByCreatedTime()], PageSize = 100 };
            string? next = null;
            DateTimeOffset? lastCreated = null;
            QueryResultPage page;
            do
            {
                page = await notion.DataSources.QueryPageAsync(dataSourceId, query, next, cancellationToken);
                var records = await ReadAsync(page.Results, cancellationToken);
                await applier.ApplyAsync(kind, records, admitNew, report, dryRun, cancellationToken);
                foreach (var result in page.Results)
                {
                    ids.Add(result.Id);
                    latest = latest is null || result.LastEditedTime > latest ? result.LastEditedTime : latest;
                    lastCreated = result.CreatedTime;
                }

                report.Seen += page.Results.Count;
                run.AddRecords(records.Count, $"{kind}: {report.Seen}");
                next = page.HasMore ? page.NextCursor : null;
            }
            while (next is not null);

            if (!page.Incomplete || lastCreated is null)
            {
                return new ScanResult(ids, latest);
            }

            if (createdFrom == lastCreated)
            {
                run.AddError(new RecordError(kind, null, null,
                    $"More than 10,000 pages were created in the minute {lastCreated:u}; Notion cannot list past that point."));
                return new ScanResult(ids, latest);
            }

            createdFrom = lastCreated;
        }
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
}
