using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Projects;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Core.Sync.Merge;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Tasks;
using Hamgam.Notion;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Push;

/// <summary>Sends one coalesced change and records its outcome on the row and its outbox entries.</summary>
internal sealed partial class PushOne(NotionClient notion, IDbContextFactory<HamgamDb> factory, SchemaCache schema, TimeProvider time, Func<PushStep, Task>? onStep)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    public async Task RunAsync(PushBatch batch, bool dryRun, RunHandle run, PushCounts counts, CancellationToken cancellationToken)
    {
        var fields = EntityFields.For(batch.Kind);
        if (await schema.GetAsync(batch.Kind, cancellationToken) is not { } known)
        {
            run.AddError(new RecordError(batch.Kind, null, batch.EntityId, $"No Notion database is configured for {batch.Kind}; the change waits."));
            return;
        }

        var (row, projectPages) = await LoadAsync(batch, cancellationToken);
        var action = Resolve(batch.Action, row);
        if (row is null || action == CoalescedAction.Discard)
        {
            try
            {
                await TrashLostCreateAsync(batch, row, known, dryRun, cancellationToken);
            }
            catch (NotionApiException ex) when (ex.IsTransient)
            {
                await DeferAsync(batch, null, $"Notion answered {ex.Status} {ex.Code}: {ex.Message}", dryRun, cancellationToken);
                return;
            }

            await FinishEntriesAsync(batch, OutboxState.Done, null, dryRun, cancellationToken);
            return;
        }

        // A create sends the whole row; an update only what the outbox says changed, with the values it recorded.
        var values = action == CoalescedAction.Create
            ? fields.Snapshot(row).Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)
            : new Dictionary<string, string?>(batch.Values, StringComparer.Ordinal);
        var names = values.Keys.Where(k => k != ThreeWayMerge.DeletedField).ToList();
        var properties = PageWriter.Build(fields, known.Bindings, values, projectPages);
        if (properties is null)
        {
            await DeferAsync(batch, TimeSpan.FromMinutes(1), null, dryRun, cancellationToken);
            return;
        }

        // A body over 500 KB is refused, so long texts (a daily log's fields of 100,000 characters) go over several requests.
        var title = fields.Fields.First(f => f.Kind == FieldKind.Title).Name;
        var parts = PageWriter.Split(properties, known.Bindings.For(title)?.Id);
        var restore = batch.Fields.Contains(ThreeWayMerge.DeletedField) && !row.IsDeleted;
        counts.Planned.Add(new PlannedPush(batch.Kind, batch.EntityId, Describe(action, restore), [.. names]));
        if (dryRun)
        {
            return;
        }

        try
        {
            var page = action switch
            {
                CoalescedAction.Create => await CreateOnceAsync(batch, row, known, parts, cancellationToken),
                CoalescedAction.Delete => await notion.Pages.UpdateAsync(row.NotionId!, new UpdatePageRequest { InTrash = true }, cancellationToken),
                _ when properties.Count == 0 && !restore => null,
                _ => await WriteRestAsync(
                    await notion.Pages.UpdateAsync(row.NotionId!, new UpdatePageRequest { Properties = parts[0], InTrash = restore ? false : null }, cancellationToken),
                    parts, cancellationToken),
            };
            await RecordSuccessAsync(batch, fields, known.Bindings, page, values, action == CoalescedAction.Delete, cancellationToken);
            Count(counts, action);
            run.AddRecords(1, "pushing");
        }
        catch (NotionApiException ex) when (action == CoalescedAction.Delete && (ex.IsNotFound || MayBeTrashed(ex)))
        {
            if (ex.IsNotFound || await IsInTrashAsync(row.NotionId!, cancellationToken))
            {
                await FinishEntriesAsync(batch, OutboxState.Done, null, dryRun, cancellationToken);
            }
            else
            {
                await FailAsync(batch, row.NotionId, ex, run, counts, dryRun, cancellationToken);
            }
        }
        catch (NotionApiException ex) when (action == CoalescedAction.Update && !restore && MayBeTrashed(ex))
        {
            await TrashedMeanwhileAsync(batch, row.NotionId!, known.Bindings, ex, run, counts, cancellationToken);
        }
        catch (NotionApiException ex) when (ex.IsTransient)
        {
            await DeferAsync(batch, null, $"Notion answered {ex.Status} {ex.Code}: {ex.Message}", dryRun, cancellationToken);
            run.AddError(new RecordError(batch.Kind, row.NotionId, batch.EntityId, $"Will retry: {ex.Status} {ex.Code}: {ex.Message}"));
        }
        catch (NotionApiException ex)
        {
            await FailAsync(batch, row.NotionId, ex, run, counts, dryRun, cancellationToken);
        }
    }

    /// <summary>Notion refused the batch for good: its entries fail with Notion's message, shown with Retry and Discard.</summary>
    private async Task FailAsync(PushBatch batch, string? pageId, NotionApiException ex, RunHandle run, PushCounts counts, bool dryRun, CancellationToken cancellationToken)
    {
        var message = $"Notion answered {ex.Status} {ex.Code}: {ex.Message}";
        await FinishEntriesAsync(batch, OutboxState.Failed, message, dryRun, cancellationToken);
        counts.Failed++;
        run.AddError(new RecordError(batch.Kind, pageId, batch.EntityId, message));
    }

    private static CoalescedAction Resolve(CoalescedAction action, SyncedEntity? row) => (action, row?.NotionId) switch
    {
        (CoalescedAction.Create, not null) => CoalescedAction.Update,
        // Created, then deleted before the push: a page exists after all (a pull adopted a create whose answer was lost).
        (CoalescedAction.Discard, not null) => CoalescedAction.Delete,
        (CoalescedAction.Update, null) when row is { IsDeleted: false } => CoalescedAction.Create,
        (CoalescedAction.Update or CoalescedAction.Delete, null) => CoalescedAction.Discard,
        _ => action,
    };

    private async Task<NotionPage> CreateOnceAsync(
        PushBatch batch, SyncedEntity row, (string DataSourceId, SchemaBindings Bindings) known, List<Dictionary<string, PropertyInput>> parts, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var entries = await db.Outbox.Where(o => batch.EntryIds.Contains(o.Id)).ToListAsync(cancellationToken);
            var attempted = entries.Where(e => e.LastAttemptAt is not null).Select(e => e.LastAttemptAt).Min();
            if (attempted is { } since && await FindCreatedAsync(known, row, since, cancellationToken) is { } existing)
            {
                // An earlier attempt reached Notion but its answer was lost: adopt that page instead of making another.
                return await WriteRestAsync(
                    await notion.Pages.UpdateAsync(existing.Id, new UpdatePageRequest { Properties = parts[0] }, cancellationToken), parts, cancellationToken);
            }

            var now = time.GetUtcNow();
            foreach (var entry in entries)
            {
                entry.LastAttemptAt = now;
                entry.Attempts++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await Step(PushStep.BeforeRequest);
        var page = await notion.Pages.CreateAsync(CreatePageRequest.InDataSource(known.DataSourceId, parts[0]), cancellationToken);
        await Step(PushStep.AfterResponseBeforeSave);
        return await WriteRestAsync(page, parts, cancellationToken);
    }

    /// <summary>Sends the parts after the first as further updates of the page; the last answer has every value.</summary>
    private async Task<NotionPage> WriteRestAsync(NotionPage page, List<Dictionary<string, PropertyInput>> parts, CancellationToken cancellationToken)
    {
        foreach (var part in parts.Skip(1))
        {
            page = await notion.Pages.UpdateAsync(page.Id, new UpdatePageRequest { Properties = part }, cancellationToken);
        }

        return page;
    }

    /// <summary>
    /// A record created and deleted before any push succeeded: if a create was sent, its page may exist although its
    /// answer was lost (the process died); that page goes to the trash, or it would outlive its record.
    /// </summary>
    private async Task TrashLostCreateAsync(
        PushBatch batch, SyncedEntity? row, (string DataSourceId, SchemaBindings Bindings) known, bool dryRun, CancellationToken cancellationToken)
    {
        if (row is null || dryRun)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var attempts = await db.Outbox.Where(o => batch.EntryIds.Contains(o.Id) && o.LastAttemptAt != null).Select(o => o.LastAttemptAt).ToListAsync(cancellationToken);
        var attempted = attempts.Min();
        if (attempted is { } since && await FindCreatedAsync(known, row, since, cancellationToken) is { } orphan)
        {
            await notion.Pages.UpdateAsync(orphan.Id, new UpdatePageRequest { InTrash = true }, cancellationToken);
        }
    }

    private async Task<NotionPage?> FindCreatedAsync((string DataSourceId, SchemaBindings Bindings) known, SyncedEntity row, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var titleField = EntityFields.For(LocalChanges.KindOf(row)).Fields.First(f => f.Kind == FieldKind.Title);
        if (known.Bindings.For(titleField.Name) is not { } title)
        {
            return null;
        }

        var name = titleField.Get(row) ?? "";
        var query = new DataSourceQuery
        {
            Filter = NotionFilter.And(NotionFilter.CreatedTime.OnOrAfter(since.AddMinutes(-2)), NotionFilter.Title(title.Id).EqualTo(name)),
            Sorts = [NotionSort.ByCreatedTime()],
            PageSize = 10,
        };
        var page = await notion.DataSources.QueryPageAsync(known.DataSourceId, query, null, cancellationToken);
        return page.Results.FirstOrDefault(p => p.Title == name);
    }

    private async Task RecordSuccessAsync(
        PushBatch batch, EntityFieldSet fields, SchemaBindings bindings, NotionPage? page, IReadOnlyDictionary<string, string?> sent, bool trashed, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var row = await BatchApplier.Rows(db, batch.Kind).SingleOrDefaultAsync(e => e.Id == batch.EntityId, cancellationToken);
            var others = await db.Outbox
                .Where(o => o.EntityKind == batch.Kind && o.EntityId == batch.EntityId && o.State == OutboxState.Pending && !batch.EntryIds.Contains(o.Id))
                .ToListAsync(cancellationToken);
            if (row is not null && page is not null)
            {
                Apply(db, fields, bindings, row, page, sent, trashed, others, await ProjectMapAsync(db, page, fields, bindings, cancellationToken));
            }

            foreach (var entry in await db.Outbox.Where(o => batch.EntryIds.Contains(o.Id)).ToListAsync(cancellationToken))
            {
                entry.State = OutboxState.Done;
                entry.CompletedAt = time.GetUtcNow();
                entry.LastError = null;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 100)
            {
                // Each failed attempt means another save succeeded, so this ends. The row was edited while the request was out; its new edit has its own entry. Record ours on fresh data.
            }
        }
    }

    /// <summary>
    /// Records what Notion now holds. What we sent becomes the agreed baseline; Notion's answer is then merged like a
    /// pull, so edits made in Notion meanwhile reach the row and edits made here meanwhile stay queued.
    /// </summary>
    private void Apply(
        HamgamDb db, EntityFieldSet fields, SchemaBindings bindings, SyncedEntity row, NotionPage page,
        IReadOnlyDictionary<string, string?> sent, bool trashed, List<OutboxEntry> others, Dictionary<string, Guid> projects)
    {
        var now = time.GetUtcNow();
        row.NotionId = page.Id;
        row.NotionUrl = page.Url;
        row.NotionLastEditedTime = page.LastEditedTime;
        row.LastSynced = now;
        if (PageReader.Read(page, fields, bindings, out _) is not { } record)
        {
            return;
        }

        var related = BatchApplier.MapRelations(record, projects);
        if (trashed)
        {
            // Our own delete: the page sits in the trash with the values it had, and edits made here before the delete went with it.
            row.Baseline = Baselines.Write(record.Fields, true);
            row.ContentHash = record.ContentHash();
            return;
        }

        var (baseline, wasDeleted) = row.Baseline is null ? (new Dictionary<string, string?>(StringComparer.Ordinal), false) : Baselines.Read(row.Baseline);
        foreach (var (name, value) in sent.Where(v => v.Key != ThreeWayMerge.DeletedField))
        {
            baseline[name] = value;
        }

        row.Baseline = Baselines.Write(baseline, trashed || (wasDeleted && !sent.ContainsKey(ThreeWayMerge.DeletedField)));
        BatchApplier.Merge(db, fields, row, record, others, new Pull.EntityPullReport(fields.Kind), now);
        row.ContentHash = record.ContentHash();
        if (row is TaskItem task && related is not null)
        {
            task.RelatedProjectNotionIds = related;
        }
    }

    private static async Task<Dictionary<string, Guid>> ProjectMapAsync(
        HamgamDb db, NotionPage page, EntityFieldSet fields, SchemaBindings bindings, CancellationToken cancellationToken) =>
        fields.Kind == EntityKind.Task && PageReader.Read(page, fields, bindings, out _) is { } record
            ? await BatchApplier.ProjectIdsAsync(db, [record], cancellationToken)
            : [];

    private async Task<(SyncedEntity? Row, Dictionary<Guid, string?> ProjectPages)> LoadAsync(PushBatch batch, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await BatchApplier.Rows(db, batch.Kind).AsNoTracking().SingleOrDefaultAsync(e => e.Id == batch.EntityId, cancellationToken);
        var pages = new Dictionary<Guid, string?>();
        if (row is TaskItem { ProjectId: { } projectId })
        {
            pages[projectId] = await db.Set<Project>().IgnoreQueryFilters().Where(p => p.Id == projectId).Select(p => p.NotionId).SingleOrDefaultAsync(cancellationToken);
        }

        return (row, pages);
    }

    private async Task FinishEntriesAsync(PushBatch batch, OutboxState state, string? error, bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var entry in await db.Outbox.Where(o => batch.EntryIds.Contains(o.Id)).ToListAsync(cancellationToken))
        {
            entry.State = state;
            entry.LastError = error;
            entry.CompletedAt = state == OutboxState.Done ? time.GetUtcNow() : null;
            entry.Attempts += state == OutboxState.Failed ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal async Task DeferAsync(PushBatch batch, TimeSpan? delay, string? error, bool dryRun, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var entry in await db.Outbox.Where(o => batch.EntryIds.Contains(o.Id)).ToListAsync(cancellationToken))
        {
            entry.Attempts += error is null ? 0 : 1;
            var backoff = delay ?? TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 30 * Math.Pow(2, Math.Min(entry.Attempts, 10))));
            entry.NextAttemptAt = time.GetUtcNow() + backoff;
            entry.LastError = error ?? entry.LastError;
            if (error is not null)
            {
                // A request went out and failed: fresh edits wait at least PushPlan.FreshRetryFloor from now.
                entry.LastFailedAt = time.GetUtcNow();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private Task Step(PushStep step) => onStep?.Invoke(step) ?? Task.CompletedTask;

    private static string Describe(CoalescedAction action, bool restore) => action switch
    {
        CoalescedAction.Create => "create",
        CoalescedAction.Delete => "trash",
        _ => restore ? "restore" : "update",
    };

    private static void Count(PushCounts counts, CoalescedAction action)
    {
        switch (action)
        {
            case CoalescedAction.Create:
                counts.Created++;
                break;
            case CoalescedAction.Delete:
                counts.Deleted++;
                break;
            default:
                counts.Updated++;
                break;
        }
    }
}
