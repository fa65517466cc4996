using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Tasks;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;
using static Hamgam.Testing.NotionSyncHarness;

namespace Hamgam.Core.Tests.Sync.Pull;

public sealed class NotionPullerTests
{
    private const string PersianNotes = "یادداشت فارسی با اعداد ۱۲۳ و ایموجی 🌱👩🏽‍💻 و نیم‌فاصله";

    [Theory, OnAllDatabases]
    public async Task PullAsync_EveryTaskProperty_MapsEveryFieldInFull(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var project = h.AddPage(h.Databases.Projects.DataSourceId, "Name", "پروژهٔ همگام 🚀", p => p["Status"] = Status("Active"));
        var longNotes = string.Concat(Enumerable.Repeat("متن بلند ✨ ", 400));
        var id = h.AddTaskPage("خرید کتاب 📚", p =>
        {
            p["Status"] = Status("In progress");
            p["Context"] = MultiSelect("🏠 خانه", "Computer");
            p["Energy Level"] = Select("High");
            p["Importance"] = Select("High");
            p["Urgency"] = Select("Low");
            p["Estimated Time"] = Select("15 min");
            p["Due Date"] = Date("2026-12-01");
            p["Scheduled For"] = Date("2026-11-24T18:30:00.000+03:30");
            p["Quick Win"] = new JsonObject { ["checkbox"] = true };
            p["Tags"] = MultiSelect("کتاب", "📚");
            p["Category"] = Select("شخصی");
            p["Type"] = Select("Task");
            p["Notes"] = new JsonObject
            {
                ["rich_text"] = new JsonArray(
                    Segment(longNotes[..2000]), Segment(longNotes[2000..4000]), Segment(longNotes[4000..]), Segment(" — " + PersianNotes)),
            };
            p["Is Recurring"] = new JsonObject { ["checkbox"] = true };
            p["Recurring Type"] = Select("Weekly");
            p["Related Project"] = new JsonObject { ["relation"] = new JsonArray(new JsonObject { ["id"] = project }) };
        });

        var report = await h.PullAsync();

        Assert.Equal(SyncRunStatus.Success, report.Status);
        await using var db = h.Db.CreateContext();
        var task = await db.Tasks.SingleAsync(t => t.NotionId == id);
        Assert.Equal("خرید کتاب 📚", task.Name);
        Assert.Equal("In progress", task.Status);
        Assert.Equal(["🏠 خانه", "Computer"], task.Context);
        Assert.Equal(("High", "High", "Low", "15 min"), (task.EnergyLevel, task.Importance, task.Urgency, task.EstimatedTime));
        Assert.Equal("2026-12-01", task.DueDate.ToString());
        Assert.Equal("2026-11-24T18:30:00.000+03:30", task.ScheduledFor.ToString());
        Assert.Null(task.CompletedDate);
        Assert.True(task.QuickWin);
        Assert.True(task.IsRecurring);
        Assert.Equal("Weekly", task.RecurringType);
        Assert.Equal(["کتاب", "📚"], task.Tags);
        Assert.Equal(longNotes + " — " + PersianNotes, task.Notes);
        var localProject = await db.Projects.SingleAsync(p => p.NotionId == project);
        Assert.Equal(localProject.Id, task.ProjectId);
        Assert.Equal("پروژهٔ همگام 🚀", localProject.Name);
        Assert.NotNull(task.NotionUrl);
        Assert.Equal(h.Db.Time.GetUtcNow(), task.LastSynced);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_250Pages_FollowsEveryResultPageInOneRunLogRow(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        for (var i = 0; i < 250; i++)
        {
            h.AddTaskPage($"کار شمارهٔ {i} ✅", p => p["Status"] = Status("Not started"));
        }

        var report = await h.PullAsync();

        await using var db = h.Db.CreateContext();
        Assert.Equal(250, await db.Tasks.CountAsync());
        var run = await db.SyncLog.SingleAsync(r => r.Id == report.RunId);
        Assert.Equal(SyncRunStatus.Success, run.Status);
        Assert.Equal(250, run.RecordsSynced);
        Assert.True(run.RequestsUsed >= 3, $"3 result pages need at least 3 queries; used {run.RequestsUsed}.");
        Assert.NotNull(run.CompletedAt);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_NothingChanged_WritesNoRow(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        for (var i = 0; i < 5; i++)
        {
            h.AddTaskPage($"t{i}");
        }

        await h.PullAsync();
        var versions = await VersionsAsync(h);
        h.Db.Time.Advance(TimeSpan.FromMinutes(5));
        var requestsBefore = h.Meter.GetSnapshot().Total;

        var report = await h.PullAsync();

        Assert.Equal(versions, await VersionsAsync(h));
        var tasks = report.Entities.Single(e => e.Kind == EntityKind.Task);
        Assert.False(tasks.Full);
        Assert.Equal(0, tasks.Updated + tasks.Created);
        // One query per data source, and the two searches of the removal check (the trash, recent moves).
        Assert.Equal(4 + 2, h.Meter.GetSnapshot().Total - requestsBefore);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_TwoEditsInTheSameMinute_MissesNeither(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        h.Db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 10, 0, 5, TimeSpan.Zero));
        var id = h.AddTaskPage("اول");
        await h.PullAsync();

        h.Db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 10, 7, 10, TimeSpan.Zero));
        h.Notion.UpdatePage(id, new JsonObject { ["properties"] = new JsonObject { ["Name"] = Title("دوم") } });
        await h.PullAsync();
        h.Db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 10, 7, 50, TimeSpan.Zero));
        h.Notion.UpdatePage(id, new JsonObject { ["properties"] = new JsonObject { ["Notes"] = Text("یادداشت سوم") } });
        h.Db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 10, 8, 30, TimeSpan.Zero));
        await h.PullAsync();

        await using var db = h.Db.CreateContext();
        var task = await db.Tasks.SingleAsync(t => t.NotionId == id);
        Assert.Equal(("دوم", "یادداشت سوم"), (task.Name, task.Notes));
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_PageTrashedInNotion_MarksTaskDeleted(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var keep = h.AddTaskPage("بماند");
        var gone = h.AddTaskPage("برود 🗑️");
        await h.PullAsync();

        h.Notion.TrashPage(gone);
        var report = await h.PullAsync(full: true);

        await using var db = h.Db.CreateContext();
        Assert.Equal([keep], await db.Tasks.Select(t => t.NotionId).ToListAsync());
        var tombstone = await db.Tasks.IgnoreQueryFilters().SingleAsync(t => t.NotionId == gone);
        Assert.True(tombstone.IsDeleted);
        Assert.Equal(1, report.Entities.Single(e => e.Kind == EntityKind.Task).Deleted);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_MoreThanHalfGone_HaltsAndDeletesNothingUntilAllowed(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var ids = Enumerable.Range(0, 12).Select(i => h.AddTaskPage($"t{i}")).ToList();
        await h.PullAsync();
        foreach (var id in ids.Take(8))
        {
            h.Notion.TrashPage(id);
        }

        var halted = await h.PullAsync(full: true);

        Assert.Equal(SyncRunStatus.Partial, halted.Status);
        Assert.Contains("8 of 12", halted.Entities.Single(e => e.Kind == EntityKind.Task).MassDeleteHalt, StringComparison.Ordinal);
        await using (var db = h.Db.CreateContext())
        {
            Assert.Equal(12, await db.Tasks.CountAsync());
        }

        await h.PullAsync(full: true, allowMassDelete: true);
        await using (var db = h.Db.CreateContext())
        {
            Assert.Equal(4, await db.Tasks.CountAsync());
        }
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_PropertyRenamedInNotion_KeepsSyncingByPropertyId(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("کار", p => p["Energy Level"] = Select("Low"));
        await h.PullAsync();

        h.Notion.UpdateDataSource(h.Databases.Tasks.DataSourceId, new JsonObject
        {
            ["properties"] = new JsonObject { ["Energy Level"] = new JsonObject { ["name"] = "سطح انرژی" } },
        });
        h.Notion.UpdatePage(id, new JsonObject { ["properties"] = new JsonObject { ["سطح انرژی"] = Select("High") } });
        h.Db.Time.Advance(TimeSpan.FromMinutes(3));
        var report = await h.PullAsync(full: true);

        Assert.Empty(report.Problems);
        await using var db = h.Db.CreateContext();
        Assert.Equal("High", (await db.Tasks.SingleAsync()).EnergyLevel);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_StatusAsSelect_IsReadAndFilteredLikeAStatus(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider, statusAsStatusType: false);
        h.AddTaskPage("باز", p => p["Status"] = Select("In progress"));
        h.AddTaskPage("قدیمی", p =>
        {
            p["Status"] = Select("Done");
            p["Completed Date"] = Date("2026-10-01");
        });
        h.AddTaskPage("تازه تمام شده", p =>
        {
            p["Status"] = Select("Done");
            p["Completed Date"] = Date("2026-11-22");
        });

        await h.PullAsync();

        await using var db = h.Db.CreateContext();
        Assert.Equal(["باز", "تازه تمام شده"], (await db.Tasks.Select(t => t.Name).ToListAsync()).Order());
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_RelationWith30Entries_KeepsAll30(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var projects = Enumerable.Range(0, 30).Select(i => h.AddPage(h.Databases.Projects.DataSourceId, "Name", $"پروژه {i}")).ToList();
        h.AddTaskPage("پرارتباط", p => p["Related Project"] = new JsonObject
        {
            ["relation"] = new JsonArray([.. projects.Select(id => (JsonNode)new JsonObject { ["id"] = id })]),
        });

        await h.PullAsync();

        await using var db = h.Db.CreateContext();
        var task = await db.Tasks.SingleAsync();
        Assert.Equal(projects.Order(), task.RelatedProjectNotionIds.Order());
        Assert.NotNull(task.ProjectId);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_BurstsOf429And5xx_StillBringsEveryPage(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        for (var i = 0; i < 120; i++)
        {
            h.AddTaskPage($"t{i}");
        }

        h.Emulator.Faults.Seed = 7;
        h.Emulator.Faults.ErrorRate = 0.3;
        h.Emulator.Faults.ErrorStatuses.Clear();
        foreach (var status in new[] { 429, 500, 502, 503 })
        {
            h.Emulator.Faults.ErrorStatuses.Add(status);
        }

        var report = await h.PullAsync();

        Assert.Equal(SyncRunStatus.Success, report.Status);
        await using var db = h.Db.CreateContext();
        Assert.Equal(120, await db.Tasks.CountAsync());
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_SameFieldEditedOnBothSides_NotionWinsAndMineGoesToTheInbox(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("کار مشترک", p => p["Status"] = Status("Not started"));
        await h.PullAsync();
        Guid local;
        await using (var db = h.Db.CreateContext())
        {
            local = (await db.Tasks.SingleAsync()).Id;
        }

        await h.Changes.UpdateAsync(EntityKind.Task, local, new Dictionary<string, string?> { ["status"] = "Done", ["notes"] = "یادداشت من" });
        h.Db.Time.Advance(TimeSpan.FromMinutes(2));
        h.Notion.UpdatePage(id, new JsonObject { ["properties"] = new JsonObject { ["Status"] = Status("In progress") } });
        h.Db.Time.Advance(TimeSpan.FromMinutes(2));

        await h.PullAsync();

        await using var check = h.Db.CreateContext();
        var task = await check.Tasks.SingleAsync();
        Assert.Equal(("In progress", "یادداشت من"), (task.Status, task.Notes));
        var conflict = await check.Conflicts.SingleAsync();
        Assert.Equal(("status", "Not started", "Done", "In progress"), (conflict.Field, conflict.BaseValue, conflict.LocalValue, conflict.RemoteValue));
        var pending = await check.Outbox.Where(o => o.State == Core.Sync.Outbox.OutboxState.Pending).ToListAsync();
        Assert.DoesNotContain(pending, o => o.Fields.Contains("\"status\"", StringComparison.Ordinal));
        Assert.Contains(pending, o => o.Fields.Contains("\"notes\"", StringComparison.Ordinal));
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_OneCorruptPageAmongGoodOnes_IsAPerRecordErrorAndTheRestSyncs(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        h.AddTaskPage("خوب ۱", p => p["Status"] = Status("In progress"));
        var bad = h.AddTaskPage("خراب", p => p["Status"] = Status("In progress"));
        h.AddTaskPage("خوب ۲ 🌟", p => p["Energy Level"] = Select("Low"));
        h.Notion.CorruptPropertyValue(bad, "Status", JsonValue.Create(5));

        var report = await h.PullAsync();

        Assert.Equal(SyncRunStatus.Partial, report.Status);
        await using var db = h.Db.CreateContext();
        Assert.Equal(["خوب ۱", "خوب ۲ 🌟"], (await db.Tasks.Select(t => t.Name).ToListAsync()).Order());
        var error = await db.SyncRunErrors.SingleAsync(e => e.SyncRunId == report.RunId);
        Assert.Equal(bad, error.NotionId);
        Assert.Contains("Status", error.Message, StringComparison.Ordinal);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_DryRun_ReportsAndWritesNothing(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        h.AddTaskPage("پیش‌نمایش");

        var report = await h.PullAsync(dryRun: true);

        Assert.Equal(1, report.Entities.Single(e => e.Kind == EntityKind.Task).Created);
        await using var db = h.Db.CreateContext();
        Assert.Equal(0, await db.Tasks.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.SyncCursors.CountAsync());
    }

    private static JsonObject Segment(string text) => new() { ["type"] = "text", ["text"] = new JsonObject { ["content"] = text } };

    private static async Task<List<long>> VersionsAsync(NotionSyncHarness h)
    {
        await using var db = h.Db.CreateContext();
        return await db.Tasks.OrderBy(t => t.Id).Select(t => t.Version).ToListAsync();
    }
}
