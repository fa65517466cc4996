using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Time;
using Hamgam.Sheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Core.Backup;

/// <summary>What a backup wrote. <paramref name="SheetsRequests"/> counts every request on the wire, retries included.</summary>
public sealed record BackupReport(long RunId, int Rows, int SheetsRequests, IReadOnlyDictionary<string, int> RowsByTab);

/// <summary>
/// Dashboard → Google Sheet. Reads only the local database (zero Notion requests) and one spreadsheets.get, then writes
/// the four tabs. While the body fits <see cref="SheetsBackupOptions.MaxRequestBytes"/> that is one atomic
/// <c>spreadsheets.batchUpdate</c>: missing tabs are added, each grid is resized to exactly its rows and every cell is
/// written in the same request. A larger backup goes through <see cref="BackupStaging"/>: staging tabs over several
/// requests, then one atomic swap. Never "clear, then write": whatever fails, the previous backup stays intact.
/// </summary>
public sealed class SheetsBackup(
    SheetsClient sheets, IDbContextFactory<HamgamDb> factory, IOptions<SheetsBackupOptions> options, RunLog runs, SheetsRequestMeter meter, UserClock clock)
{
    private const string TabFields = "sheets.properties";

    public async Task<BackupReport> BackupAsync(string trigger, CancellationToken cancellationToken = default)
    {
        var spreadsheetId = options.Value.SpreadsheetId
            ?? throw new InvalidOperationException("Sheets:SpreadsheetId is not set (config/sheets.json or Sheets__SpreadsheetId).");
        var run = await runs.StartAsync(SyncRunType.DbToSheet, trigger, cancellationToken);
        var before = meter.TotalRequests;
        try
        {
            var tabs = await ReadTabsAsync(cancellationToken);
            run.Total = tabs.Sum(t => t.Rows.Count);
            run.Progress("writing");
            var existing = (await sheets.Spreadsheets.GetAsync(spreadsheetId, fields: TabFields, cancellationToken: cancellationToken)).Sheets ?? [];
            tabs = BackupOverflow.Split(tabs, existing.Any(s => s.Properties?.Title == BackupOverflow.Title));
            var requests = BackupBatch.Build(tabs, existing);
            if (SheetsPayload.BatchUpdateBytes(requests) <= options.Value.MaxRequestBytes)
            {
                await sheets.Spreadsheets.BatchUpdateAsync(spreadsheetId, requests, cancellationToken);
            }
            else
            {
                await WriteStagedAsync(spreadsheetId, BackupStaging.Plan(tabs, existing, run.RunId, options.Value.MaxRequestBytes), run, cancellationToken);
            }

            run.AddRecords(run.Total.Value, "done");
            run.Requests = (int)(meter.TotalRequests - before);
            await run.CompleteAsync();
            return new BackupReport(run.RunId, run.Total.Value, run.Requests, tabs.Where(t => t.Title != BackupOverflow.Title).ToDictionary(t => t.Title, t => t.Rows.Count));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Requests = (int)(meter.TotalRequests - before);
            await run.CompleteAsync(ex is SheetsApiException api ? $"Google Sheets answered {api.Status}: {api.Message}" : ex.Message);
            throw;
        }
    }

    /// <summary>Sends the bodies in order. If one fails, the staging tabs are deleted (unless the swap turns out to have been applied) and the failure rethrown.</summary>
    private async Task WriteStagedAsync(string spreadsheetId, StagedBackup plan, RunHandle run, CancellationToken cancellationToken)
    {
        for (var i = 0; i < plan.Batches.Count; i++)
        {
            run.Progress($"writing part {i + 1} of {plan.Batches.Count}");
            try
            {
                await sheets.Spreadsheets.BatchUpdateAsync(spreadsheetId, plan.Batches[i], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed swap may still have been applied (a lost answer, then a retry refused): then the backup is done.
                var swapped = await CleanUpAsync(spreadsheetId, plan, cancellationToken);
                if (!swapped || i < plan.Batches.Count - 1)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Best effort: deletes every staging tab, or reports that the swap was applied after all.</summary>
    private async Task<bool> CleanUpAsync(string spreadsheetId, StagedBackup plan, CancellationToken cancellationToken)
    {
        try
        {
            var existing = (await sheets.Spreadsheets.GetAsync(spreadsheetId, fields: TabFields, cancellationToken: cancellationToken)).Sheets ?? [];
            if (plan.IsSwapped(existing))
            {
                return true;
            }

            if (BackupStaging.DeleteLeftovers(existing) is { Count: > 0 } deletes)
            {
                await sheets.Spreadsheets.BatchUpdateAsync(spreadsheetId, deletes, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next backup deletes what is left (BackupStaging.DeleteLeftovers); the original failure is what to report.
        }

        return false;
    }

    private async Task<List<BackupTab>> ReadTabsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // One log a day: a few hundred rows a year, so the window is applied in memory on the parsed dates.
        var logs = await db.DailyLogs.AsNoTracking().ToListAsync(cancellationToken);
        if (BackupWindow.DailyLogsFrom(options.Value, clock) is { } from)
        {
            logs = [.. logs.Where(l => l.Date is { } d && d.Date >= from)];
        }

        var tasks = db.Tasks.AsNoTracking();
        if (BackupWindow.TasksSince(options.Value, clock) is { } since)
        {
            tasks = tasks.Where(t => t.CreatedAt >= since);
        }

        var logList = logs.OrderByDescending(l => l.Date?.ToString()).ToList();
        var taskList = (await tasks.ToListAsync(cancellationToken)).OrderByDescending(t => t.CreatedAt).ToList();
        return
        [
            BackupTabs.ForDailyLogs(logList),
            BackupTabs.ForTasks(taskList),
            BackupTabs.ForProjects(await db.Projects.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken)),
            BackupTabs.ForHabits(await db.Habits.AsNoTracking().OrderBy(h => h.Name).ToListAsync(cancellationToken)),
        ];
    }
}
