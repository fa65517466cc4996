using Hamgam.Core.Backup;
using Hamgam.Core.DailyLogs;
using Hamgam.Core.Data;
using Hamgam.Core.Habits;
using Hamgam.Core.Projects;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Tasks;
using Hamgam.Core.Time;
using Hamgam.Emulators.Sheets;
using Hamgam.Sheets;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Core.Tests.Backup;

public sealed class SheetsBackupTests
{
    [Theory, OnAllDatabases]
    public async Task BackupAsync_WritesFourTabsInTwoRequests_TextStaysText(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);
        await h.SeedAsync(tasks: 3);

        var report = await h.Backup.BackupAsync("test");

        Assert.True(report.SheetsRequests <= 3, $"used {report.SheetsRequests} Sheets requests");
        var tabs = h.Sheets.Spreadsheets.GetTabs(h.SpreadsheetId).Select(t => t.Title).ToList();
        Assert.Contains(BackupTabs.DailyLog, tabs);
        Assert.Contains(BackupTabs.BrainDump, tabs);
        Assert.Contains(BackupTabs.Projects, tabs);
        Assert.Contains(BackupTabs.Habits, tabs);
        var tasks = h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.BrainDump);
        Assert.Equal(BackupTabs.BrainDumpHeader, tasks[0]);
        Assert.Equal(4, tasks.Length);
        Assert.Contains(tasks, r => r.Length > 1 && r[1] == "=HYPERLINK(\"x\")");
        Assert.Contains(tasks, r => r.Length > 1 && r[1] == "کار ۱ 📚");
        await using (var ids = h.Db.CreateContext())
        {
            var local = (await ids.Tasks.Select(t => t.Id).ToListAsync()).Select(g => g.ToString("D"));
            Assert.Equal(BackupTabs.IdColumn, tasks[0][^1]);
            Assert.Equal(local.Order(), tasks[1..].Select(r => r[BackupTabs.BrainDumpHeader.Length - 1]).Order());
        }

        var header = h.Sheets.Spreadsheets.GetCell(h.SpreadsheetId, BackupTabs.BrainDump, 0, 0)!;
        Assert.True(header.Bold);
        Assert.Null(h.Sheets.Spreadsheets.GetCell(h.SpreadsheetId, BackupTabs.BrainDump, 1, 1)!.Formula);
        Assert.Equal(1, h.Sheets.Spreadsheets.FindTab(h.SpreadsheetId, BackupTabs.BrainDump)!.FrozenRowCount);
        var log = h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.DailyLog);
        Assert.Equal(["2026-11-23", "😊 خوب", "7"], log[1][..3]);
        await using var db = h.Db.CreateContext();
        var run = await db.SyncLog.SingleAsync(r => r.Type == SyncRunType.DbToSheet);
        Assert.Equal((SyncRunStatus.Success, report.SheetsRequests), (run.Status, run.RequestsUsed));
    }

    [Theory, OnAllDatabases]
    public async Task BackupAsync_FewerRowsThanLastTime_LeavesNoStaleRows(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);
        await h.SeedAsync(tasks: 6);
        await h.Backup.BackupAsync("test");
        await using (var db = h.Db.CreateContext())
        {
            foreach (var task in await db.Tasks.Where(t => t.Name != "=HYPERLINK(\"x\")").ToListAsync())
            {
                task.DeletedAt = h.Db.Time.GetUtcNow();
            }

            await db.SaveChangesAsync();
        }

        await h.Backup.BackupAsync("test");

        var rows = h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.BrainDump);
        Assert.Equal(2, rows.Count(r => r.Any(c => c.Length > 0)));
    }

    [Theory, OnAllDatabases]
    public async Task BackupAsync_WhenSheetsFails_PreviousBackupIsIntactAndTheRunSaysWhy(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);
        await h.SeedAsync(tasks: 2);
        await h.Backup.BackupAsync("test");
        var before = h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.BrainDump);
        await using (var db = h.Db.CreateContext())
        {
            db.Tasks.Add(new TaskItem { Name = "new one" });
            await db.SaveChangesAsync();
        }

        h.Sheets.Faults.FailNext(403);
        await Assert.ThrowsAsync<SheetsApiException>(() => h.Backup.BackupAsync("test"));

        Assert.Equal(before, h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.BrainDump));
        await using var check = h.Db.CreateContext();
        var failed = await check.SyncLog.OrderBy(r => r.Id).LastAsync();
        Assert.Equal(SyncRunStatus.Failed, failed.Status);
        Assert.Contains("403", failed.ErrorMessage, StringComparison.Ordinal);
    }
}
