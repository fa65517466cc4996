using Hamgam.Core.Backup;
using Hamgam.Core.Backup.Restore;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Tasks;
using Hamgam.Emulators.Sheets;
using Hamgam.Testing;

namespace Hamgam.Core.Tests.Backup;

/// <summary>Backups above <see cref="SheetsBackupOptions.MaxRequestBytes"/>: staging tabs over several requests, then one atomic swap.</summary>
public sealed class SplitBackupTests
{
    private const int Limit = 8_192;

    [Theory, OnAllDatabases]
    public async Task BackupAsync_OverTheLimit_WritesExactlyWhatOneRequestWrites(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider, Limit, quota: false);
        await SeedAsync(h);
        var whole = h.Sheets.Spreadsheets.CreateSpreadsheet(title: "یک درخواست");
        var unsplit = h.CreateBackup(new SheetsBackupOptions { SpreadsheetId = whole, MaxRequestBytes = int.MaxValue });
        var refused = await Assert.ThrowsAsync<Hamgam.Sheets.SheetsApiException>(() => unsplit.BackupAsync("test"));
        Assert.Contains("payload size exceeds", refused.Message, StringComparison.Ordinal);
        h.EmulatorOptions.MaxRequestBytes = null;
        await unsplit.BackupAsync("test");
        var one = await unsplit.BackupAsync("test");
        h.EmulatorOptions.MaxRequestBytes = Limit;

        var first = await h.Backup.BackupAsync("test");
        Assert.Equal(Snapshot(h, whole), Snapshot(h, h.SpreadsheetId));
        var second = await h.Backup.BackupAsync("test");

        Assert.Equal(Snapshot(h, whole), Snapshot(h, h.SpreadsheetId));
        Assert.Equal(2, one.SheetsRequests);
        Assert.True(first.SheetsRequests > 3, $"only {first.SheetsRequests} requests: not split");
        // The second also deletes the old tabs in its swap, which may need one more body.
        Assert.InRange(second.SheetsRequests, first.SheetsRequests, first.SheetsRequests + 1);
        var tasks = h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.BrainDump);
        Assert.Contains(tasks, r => r[1] == "می‌خواهم بخوانم 👩‍💻");
        var hyperlink = Array.FindIndex(tasks, r => r[1] == "=HYPERLINK(\"x\")");
        Assert.Null(h.Sheets.Spreadsheets.GetCell(h.SpreadsheetId, BackupTabs.BrainDump, hyperlink, 1)!.Formula);
    }

    [Theory, OnAllDatabases]
    public async Task BackupAsync_FailureInAnySplitRequest_LeavesThePreviousBackupIntact(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider, Limit, quota: false);
        await SeedAsync(h);
        await h.Backup.BackupAsync("test");
        var faults = new (string Name, Action<SheetsFaults> Inject)[]
        {
            ("400", f => f.FailNext(400)),
            ("503 until retries run out", f => f.FailNext(503, 2)),
            ("dropped until retries run out", f => f.DropNext(2)),
        };
        foreach (var (name, inject) in faults)
        {
            await AddTaskAsync(h, $"تازه {name}");
            var previous = Snapshot(h);
            var failures = 0;
            for (var k = 0; ; k++)
            {
                h.Sheets.Faults.Reset();
                h.Sheets.Faults.PassNext(k);
                inject(h.Sheets.Faults);
                try
                {
                    await h.Backup.BackupAsync("test");
                    break;
                }
                catch (Exception ex) when (ex is Hamgam.Sheets.SheetsApiException or HttpRequestException)
                {
                    failures++;
                }

                Assert.Equal(previous, Snapshot(h));
            }

            h.Sheets.Faults.Reset();
            Assert.True(failures > 3, $"{name}: only {failures} requests could fail");
            await h.Backup.BackupAsync("test");
            Assert.DoesNotContain(h.Sheets.Spreadsheets.GetTabs(h.SpreadsheetId), t => BackupStaging.IsStaging(t.Title));
            Assert.Contains(h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.BrainDump), r => r[1] == $"تازه {name}");
        }
    }

    [Theory, OnAllDatabases]
    public async Task BackupAsync_FailureBeforeTheSwap_DeletesItsStagingTabs(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider, Limit, quota: false);
        await SeedAsync(h);
        await h.Backup.BackupAsync("test");
        await AddTaskAsync(h, "تازه");
        h.Sheets.Faults.PassNext(3);
        h.Sheets.Faults.FailNext(400);

        await Assert.ThrowsAsync<Hamgam.Sheets.SheetsApiException>(() => h.Backup.BackupAsync("test"));

        Assert.Equal(
            [(0, "Sheet1"), (1, BackupTabs.DailyLog), (2, BackupTabs.BrainDump), (3, BackupTabs.Projects), (4, BackupTabs.Habits)],
            h.Sheets.Spreadsheets.GetTabs(h.SpreadsheetId).Select(t => (t.Index, t.Title)));
        Assert.DoesNotContain(h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.BrainDump), r => r[1] == "تازه");
    }

    [Theory, OnAllDatabases]
    public async Task RestoreAsync_FromASplitBackup_ReturnsTheDashboardToTheBackedUpState(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider, Limit, quota: false);
        await h.SeedAsync(tasks: 60);
        var backup = await h.Backup.BackupAsync("test");
        Assert.True(backup.SheetsRequests > 3, $"only {backup.SheetsRequests} requests: not split");
        var backedUp = await SheetsRestoreTests.SnapshotAsync(h);
        await SheetsRestoreTests.EditEverythingAsync(h);

        var report = await h.Restore.RestoreAsync(new RestoreRequest(DeleteMissing: true, Trigger: "test"));

        Assert.Empty(report.Problems);
        Assert.Equal(SyncRunStatus.Success, report.Status);
        Assert.Equal(backedUp, await SheetsRestoreTests.SnapshotAsync(h));
    }

    internal static async Task SeedAsync(BackupHarness h)
    {
        await h.SeedAsync(tasks: 80);
        await AddTaskAsync(h, "می‌خواهم بخوانم 👩‍💻");
    }

    private static async Task AddTaskAsync(BackupHarness h, string name)
    {
        await using var db = h.Db.CreateContext();
        db.Tasks.Add(new TaskItem { Name = name, Status = "Inbox", Notes = "یادداشتی با نیم‌فاصله و ایموجی 🌱" });
        await db.SaveChangesAsync();
    }

    /// <summary>Every tab's position, title, shape and cells, and whether its header is bold.</summary>
    private static string Snapshot(BackupHarness h) => Snapshot(h, h.SpreadsheetId);

    private static string Snapshot(BackupHarness h, string spreadsheetId) => string.Join("\n", h.Sheets.Spreadsheets.GetTabs(spreadsheetId)
        .Where(t => !BackupStaging.IsStaging(t.Title))
        .Select(t => $"{t.Index} {t.Title} {t.RowCount}x{t.ColumnCount} frozen {t.FrozenRowCount} hidden {t.Hidden} " +
            $"bold {h.Sheets.Spreadsheets.GetCell(spreadsheetId, t.Title, 0, 0)?.Bold}\n" +
            string.Join("\n", h.Sheets.Spreadsheets.ReadCells(spreadsheetId, t.Title).Select(r => string.Join(" | ", r)))));
}
