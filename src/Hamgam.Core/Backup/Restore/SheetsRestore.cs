using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Time;
using Hamgam.Sheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Core.Backup.Restore;

/// <summary>
/// Google Sheet → dashboard. Reads a backup tab (one values.get each, unformatted), compares it with the dashboard row by
/// row and field by field, and unless a dry run applies the difference through <see cref="LocalChanges"/>, so the outbox
/// carries it to Notion like any dashboard edit. Only the columns the backup writes are restored; other fields are untouched.
/// A row that cannot be read is reported and skipped; each tab is applied in one transaction. One sync_log row of type Restore.
/// </summary>
public sealed class SheetsRestore(
    SheetsClient sheets,
    IDbContextFactory<HamgamDb> factory,
    IOptions<SheetsBackupOptions> options,
    LocalChanges changes,
    RunLog runs,
    SheetsRequestMeter meter,
    UserClock clock)
{
    private static readonly ValueReadOptions Unformatted = new() { ValueRender = ValueRenderOption.UnformattedValue };

    private IReadOnlyList<IReadOnlyList<SheetValue>>? _overflow;

    /// <summary>Restores one tab or all four. Throws <see cref="ArgumentException"/> for a tab name Hamgam does not write.</summary>
    public async Task<RestoreReport> RestoreAsync(RestoreRequest request, CancellationToken cancellationToken = default)
    {
        var tabs = SelectTabs(request.Tab);
        _overflow = null;
        var spreadsheetId = options.Value.SpreadsheetId
            ?? throw new InvalidOperationException("Sheets:SpreadsheetId is not set (config/sheets.json or Sheets__SpreadsheetId).");
        var run = await runs.StartAsync(SyncRunType.Restore, request.Trigger, cancellationToken);
        var before = meter.TotalRequests;
        var reports = new List<RestoreTabReport>();
        var problems = new List<RestoreProblem>();
        try
        {
            foreach (var tab in tabs)
            {
                var plan = await RestoreTabAsync(spreadsheetId, tab, request, cancellationToken);
                reports.Add(new RestoreTabReport(tab.Title, tab.Kind, plan.Rows, [.. plan.Items.Select(i => i.Diff)]));
                problems.AddRange(plan.Problems);
                foreach (var problem in plan.Problems)
                {
                    run.AddError(new RecordError(tab.Kind, null, null, problem.ToString()));
                }

                run.AddRecords(request.DryRun ? 0 : plan.Items.Count(i => Applies(i.Diff.Action)), tab.Title);
            }

            run.Requests = (int)(meter.TotalRequests - before);
            await run.CompleteAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Requests = (int)(meter.TotalRequests - before);
            await run.CompleteAsync(ex is SheetsApiException api ? $"Google Sheets answered {api.Status}: {api.Message}" : ex.Message);
            throw;
        }

        var status = problems.Count > 0 ? SyncRunStatus.Partial : SyncRunStatus.Success;
        return new RestoreReport(run.RunId, request.DryRun, status, run.Requests, reports, problems);
    }

    private static IReadOnlyList<RestoreTab> SelectTabs(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return RestoreTab.All;
        }

        return RestoreTab.Find(name) is { } tab
            ? [tab]
            : throw new ArgumentException(
                $"There is no backup tab \"{name}\". Hamgam's tabs are: {string.Join(", ", BackupTabs.Titles.Select(t => $"\"{t}\""))}.", nameof(name));
    }

    private static bool Applies(RestoreAction action) =>
        action is RestoreAction.Create or RestoreAction.Update or RestoreAction.Undelete or RestoreAction.Delete;

    private async Task<RestorePlan> RestoreTabAsync(string spreadsheetId, RestoreTab tab, RestoreRequest request, CancellationToken cancellationToken)
    {
        ValueRange range;
        try
        {
            range = await sheets.Values.GetAsync(spreadsheetId, SheetsA1.Quote(tab.Title), Unformatted, cancellationToken);
        }
        catch (SheetsApiException ex) when (ex.Status == 400)
        {
            return RestorePlan.Failed(tab, new RestoreProblem(tab.Title, null, null,
                $"The spreadsheet has no tab \"{tab.Title}\" (Google Sheets answered 400: {ex.Message})."));
        }

        var values = await JoinOverflowAsync(spreadsheetId, tab, range.Values ?? [], cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var locals = await LoadAsync(db, tab.Kind, cancellationToken);
        var plan = RestorePlanner.Plan(tab, values, locals, e => BackupWindow.Includes(e, options.Value, clock), request.DeleteMissing);
        if (!request.DryRun)
        {
            Apply(db, tab, plan);
            await db.SaveChangesAsync(cancellationToken);
        }

        return plan;
    }

    /// <summary>Appends the parts of cells longer than a Sheets cell (see <see cref="BackupOverflow"/>), read once per restore.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<SheetValue>>> JoinOverflowAsync(
        string spreadsheetId, RestoreTab tab, IReadOnlyList<IReadOnlyList<SheetValue>> rows, CancellationToken cancellationToken)
    {
        if (!rows.Any(r => r.Any(v => BackupOverflow.MayContinue(v.Text))))
        {
            return rows;
        }

        if (_overflow is null)
        {
            try
            {
                var range = await sheets.Values.GetAsync(spreadsheetId, SheetsA1.Quote(BackupOverflow.Title), Unformatted, cancellationToken);
                _overflow = range.Values ?? [];
            }
            catch (SheetsApiException ex) when (ex.Status == 400)
            {
                _overflow = []; // no overflow tab: the cell is simply that long
            }
        }

        return BackupOverflow.Join(tab.Title, rows, _overflow);
    }

    private static async Task<List<SyncedEntity>> LoadAsync(HamgamDb db, EntityKind kind, CancellationToken cancellationToken) => kind switch
    {
        EntityKind.Task => [.. await db.Tasks.IgnoreQueryFilters().ToListAsync(cancellationToken)],
        EntityKind.Project => [.. await db.Projects.IgnoreQueryFilters().ToListAsync(cancellationToken)],
        EntityKind.Habit => [.. await db.Habits.IgnoreQueryFilters().ToListAsync(cancellationToken)],
        _ => [.. await db.DailyLogs.IgnoreQueryFilters().ToListAsync(cancellationToken)],
    };

    private void Apply(HamgamDb db, RestoreTab tab, RestorePlan plan)
    {
        foreach (var item in plan.Items)
        {
            switch (item.Diff.Action)
            {
                case RestoreAction.Create:
                    changes.Create(db, tab.Kind, item.Values, LocalChanges.BackgroundPriority);
                    break;
                case RestoreAction.Undelete:
                    changes.Restore(db, item.Entity!);
                    changes.Update(db, item.Entity!, item.Values, LocalChanges.BackgroundPriority);
                    break;
                case RestoreAction.Update:
                    changes.Update(db, item.Entity!, item.Values, LocalChanges.BackgroundPriority);
                    break;
                case RestoreAction.Delete:
                    changes.Delete(db, item.Entity!);
                    break;
                default:
                    break;
            }
        }
    }
}
