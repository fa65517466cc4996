using Hamgam.Core.Backup;
using Hamgam.Core.Backup.Restore;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Hamgam.Sheets;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Backup;

public sealed class SheetsRestoreTests
{
    [Theory, OnAllDatabases]
    public async Task RestoreAsync_AfterEditsDeletesAndCreates_ReturnsTheDashboardToTheBackedUpState(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);
        await h.SeedAsync(tasks: 4);
        await h.Backup.BackupAsync("test");
        var backedUp = await SnapshotAsync(h);
        await EditEverythingAsync(h);
        Assert.NotEqual(backedUp, await SnapshotAsync(h));

        var report = await h.Restore.RestoreAsync(new RestoreRequest(DeleteMissing: true, Trigger: "test"));

        Assert.Empty(report.Problems);
        Assert.Equal(SyncRunStatus.Success, report.Status);
        Assert.Equal(4, report.SheetsRequests);
        Assert.Equal(backedUp, await SnapshotAsync(h));
        var tasks = report.Tabs.Single(t => t.Tab == BackupTabs.BrainDump);
        Assert.Equal((1, 1, 1), (tasks.Count(RestoreAction.Update), tasks.Count(RestoreAction.Undelete), tasks.Count(RestoreAction.Delete)));
        await using var db = h.Db.CreateContext();
        Assert.Equal(["not-in-backup"], (await db.Tasks.FirstAsync(t => t.Name == "کار ۱ 📚")).Tags);
        var run = await db.SyncLog.SingleAsync(r => r.Type == SyncRunType.Restore);
        Assert.Equal((SyncRunStatus.Success, report.Changes), (run.Status, run.RecordsSynced));
        var outbox = await db.Outbox.Where(o => o.Id > h.OutboxMark).ToListAsync();
        Assert.Contains(outbox, o => o.Operation == OutboxOperation.Delete && o.EntityKind == EntityKind.Task);
        Assert.Contains(outbox, o => o.Operation == OutboxOperation.Update && o.EntityKind == EntityKind.Habit && o.Fields.Contains("\"counter\":\"3\"", StringComparison.Ordinal));
    }

    [Theory, OnAllDatabases]
    public async Task RestoreAsync_DryRun_ShowsFieldsOldToNewAndChangesNothing(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);
        await h.SeedAsync(tasks: 3);
        await h.Backup.BackupAsync("test");
        var task = await FindTaskAsync(h, "کار ۱ 📚");
        await h.Changes.UpdateAsync(EntityKind.Task, task.Id, new Dictionary<string, string?> { ["quickWin"] = "true", ["context"] = "[\"بیرون\"]" });
        await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "تازه" });
        var before = await SnapshotAsync(h);
        var outboxBefore = await CountOutboxAsync(h);

        var report = await h.Restore.RestoreAsync(new RestoreRequest(Tab: "brain dump archive", DryRun: true, Trigger: "test"));

        var tab = Assert.Single(report.Tabs);
        var update = Assert.Single(tab.Diffs, d => d.Action == RestoreAction.Update);
        Assert.Equal(task.Id, update.EntityId);
        Assert.Contains(new RestoreFieldChange("quickWin", "Quick Win", "Yes", "No"), update.Changes);
        Assert.Contains(new RestoreFieldChange("context", "Context", "بیرون", "خانه, کار"), update.Changes);
        Assert.Single(tab.Diffs, d => d.Action == RestoreAction.NotInBackup && d.Label == "تازه");
        Assert.Equal(2, tab.Count(RestoreAction.Unchanged));
        Assert.Equal(before, await SnapshotAsync(h));
        Assert.Equal(outboxBefore, await CountOutboxAsync(h));
    }

    [Theory, OnAllDatabases]
    public async Task RestoreAsync_RowsWithoutId_MatchByNaturalKeyOrAreCreated(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);
        await h.SeedAsync(tasks: 2);
        await h.Backup.BackupAsync("test");
        await h.AppendAsync(BackupTabs.Projects,
            [SheetValue.FromString("پروژه"), "Completed", "", "", "", "", "", ""],
            [SheetValue.FromString("پروژه نو"), "Active", "Work", "", "2026-12-01", "", "", ""]);

        var report = await h.Restore.RestoreAsync(new RestoreRequest(Tab: BackupTabs.Projects, Trigger: "test"));

        var tab = Assert.Single(report.Tabs);
        Assert.Single(tab.Diffs, d => d.Action == RestoreAction.Unchanged);
        Assert.Single(tab.Diffs, d => d.Action == RestoreAction.Create && d.Label == "پروژه نو");
        var problem = Assert.Single(report.Problems);
        Assert.Equal((3, (string?)null), (problem.Row, problem.Column));
        Assert.Contains("same record as row 2", problem.Message, StringComparison.Ordinal);
        await using var db = h.Db.CreateContext();
        var created = await db.Projects.SingleAsync(p => p.Name == "پروژه نو");
        Assert.Equal(("Work", "2026-12-01"), (created.Area, created.StartDate?.ToString()));
        Assert.True(await db.Outbox.AnyAsync(o => o.EntityId == created.Id && o.Operation == OutboxOperation.Create));
        Assert.Equal(SyncRunStatus.Partial, (await db.SyncLog.SingleAsync(r => r.Type == SyncRunType.Restore)).Status);
    }

    [Theory, OnAllDatabases]
    public async Task RestoreAsync_UnparseableCell_SkipsThatRowNamingRowAndColumn(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);
        await h.SeedAsync(tasks: 2);
        await h.Backup.BackupAsync("test");
        await h.WriteAsync(BackupTabs.Habits, "F2", [SheetValue.FromString("سه")]);
        await h.AppendAsync(BackupTabs.Habits, [SheetValue.FromString("ورزش"), "", "", "", "", 5, "", "", ""]);

        var report = await h.Restore.RestoreAsync(new RestoreRequest(Tab: BackupTabs.Habits, Trigger: "test"));

        var problem = Assert.Single(report.Problems, p => p.Row == 2);
        Assert.Equal((BackupTabs.Habits, 2, "Counter"), (problem.Tab, problem.Row, problem.Column));
        Assert.Contains("'سه' is not a number", problem.Message, StringComparison.Ordinal);
        Assert.True(report.Problems.Count == 1, string.Join("; ", report.Problems));
        Assert.Single(report.Tabs[0].Diffs, d => d.Action == RestoreAction.Create && d.Label == "ورزش");
        Assert.Single(report.Tabs[0].Diffs, d => d.Action == RestoreAction.NotInBackup && d.Label == "مطالعه");
    }

    [Theory, OnAllDatabases]
    public async Task RestoreAsync_HeaderThatDoesNotMatch_NamesTheColumnAndRestoresNothingFromThatTab(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);
        await h.SeedAsync(tasks: 2);
        await h.Backup.BackupAsync("test");
        await h.WriteAsync(BackupTabs.DailyLog, "B1", [SheetValue.FromString("Feeling")]);

        var report = await h.Restore.RestoreAsync(new RestoreRequest(Trigger: "test"));

        var problem = Assert.Single(report.Problems);
        Assert.Equal((BackupTabs.DailyLog, "Mood"), (problem.Tab, problem.Column));
        Assert.Contains("Column B should be \"Mood\" but is \"Feeling\"", problem.Message, StringComparison.Ordinal);
        Assert.Empty(report.Tabs.Single(t => t.Tab == BackupTabs.DailyLog).Diffs);
        Assert.Equal(4, report.Tabs.Count);
    }

    [Theory, OnAllDatabases]
    public async Task RestoreAsync_UnknownOrMissingTab_IsAClearError(DatabaseProvider provider)
    {
        await using var h = await BackupHarness.CreateAsync(provider);

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => h.Restore.RestoreAsync(new RestoreRequest(Tab: "Sheet9")));
        var missing = await h.Restore.RestoreAsync(new RestoreRequest(Tab: BackupTabs.Habits));

        Assert.Contains("no backup tab \"Sheet9\"", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("Daily Log", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("has no tab \"Habits\"", Assert.Single(missing.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RestoreTabs_ReadExactlyTheColumnsTheBackupWrites()
    {
        Assert.Equal(BackupTabs.DailyLogHeader, RestoreTab.Find(BackupTabs.DailyLog)!.Header);
        Assert.Equal(BackupTabs.BrainDumpHeader, RestoreTab.Find(BackupTabs.BrainDump)!.Header);
        Assert.Equal(BackupTabs.ProjectsHeader, RestoreTab.Find(BackupTabs.Projects)!.Header);
        Assert.Equal(BackupTabs.HabitsHeader, RestoreTab.Find(BackupTabs.Habits)!.Header);
    }

    internal static async Task EditEverythingAsync(BackupHarness h)
    {
        await using var db = h.Db.CreateContext();
        h.OutboxMark = await db.Outbox.MaxAsync(o => (long?)o.Id) ?? 0;
        var task = await db.Tasks.FirstAsync(t => t.Name == "کار ۱ 📚");
        h.Changes.Update(db, task, new Dictionary<string, string?> { ["type"] = "Note", ["context"] = null, ["notes"] = "یادداشت", ["tags"] = "[\"not-in-backup\"]" }, 0);
        h.Changes.Delete(db, await db.Tasks.FirstAsync(t => t.Name == "کار ۲ 📚"));
        h.Changes.Create(db, EntityKind.Task, new Dictionary<string, string?> { ["name"] = "بعد از پشتیبان" }, 0);
        h.Changes.Update(db, await db.DailyLogs.FirstAsync(l => l.Name == "دیروز"), new Dictionary<string, string?> { ["energy"] = null, ["topWin"] = "چیز دیگر" }, 0);
        h.Changes.Update(db, await db.Habits.FirstAsync(), new Dictionary<string, string?> { ["counter"] = "9", ["status"] = "⏸️ Paused" }, 0);
        h.Changes.Delete(db, await db.Projects.FirstAsync());
        await db.SaveChangesAsync();
    }

    /// <summary>Every restorable column of every live row a backup taken now would hold, by id.</summary>
    internal static async Task<string> SnapshotAsync(BackupHarness h)
    {
        await using var db = h.Db.CreateContext();
        var lines = new List<string>();
        foreach (var tab in RestoreTab.All)
        {
            var fields = EntityFields.For(tab.Kind);
            IEnumerable<SyncedEntity> rows = tab.Kind switch
            {
                EntityKind.Task => await db.Tasks.ToListAsync(),
                EntityKind.Project => await db.Projects.ToListAsync(),
                EntityKind.Habit => await db.Habits.ToListAsync(),
                _ => await db.DailyLogs.ToListAsync(),
            };
            lines.AddRange(rows.Select(r => $"{tab.Title} {r.Id}: " + string.Join(" | ",
                tab.Columns.Where(c => c.Field is not null).Select(c => fields.Find(c.Field!)!.Get(r) ?? c.EmptyShownAs))));
        }

        return string.Join("\n", lines.Order(StringComparer.Ordinal));
    }

    private static async Task<TaskItem> FindTaskAsync(BackupHarness h, string name)
    {
        await using var db = h.Db.CreateContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.Name == name);
    }

    private static async Task<int> CountOutboxAsync(BackupHarness h)
    {
        await using var db = h.Db.CreateContext();
        return await db.Outbox.CountAsync();
    }
}
