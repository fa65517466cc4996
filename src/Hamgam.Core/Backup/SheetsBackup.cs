using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Time;
using Hamgam.Sheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Core.Backup;

/// <summary>What a backup wrote.</summary>
public sealed record BackupReport(long RunId, int Rows, int SheetsRequests, IReadOnlyDictionary<string, int> RowsByTab);

/// <summary>
/// Dashboard → Google Sheet. Reads only the local database (zero Notion requests), then writes the four tabs with one
/// atomic <c>spreadsheets.batchUpdate</c>: missing tabs are added, each grid is resized to exactly its rows and every
/// cell is written in the same request. Never "clear, then write": if the request fails, the previous backup is intact.
/// </summary>
public sealed class SheetsBackup(
    SheetsClient sheets, IDbContextFactory<HamgamDb> factory, IOptions<SheetsBackupOptions> options, RunLog runs, SheetsRequestMeter meter, UserClock clock)
{
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
            var existing = await sheets.Spreadsheets.GetAsync(spreadsheetId, fields: "sheets.properties", cancellationToken: cancellationToken);
            var requests = BackupBatch.Build(tabs, existing.Sheets ?? []);
            await sheets.Spreadsheets.BatchUpdateAsync(spreadsheetId, requests, cancellationToken);
            run.AddRecords(run.Total.Value, "done");
            run.Requests = (int)(meter.TotalRequests - before);
            await run.CompleteAsync();
            return new BackupReport(run.RunId, run.Total.Value, run.Requests, tabs.ToDictionary(t => t.Title, t => t.Rows.Count));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Requests = (int)(meter.TotalRequests - before);
            await run.CompleteAsync(ex is SheetsApiException api ? $"Google Sheets answered {api.Status}: {api.Message}" : ex.Message);
            throw;
        }
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
