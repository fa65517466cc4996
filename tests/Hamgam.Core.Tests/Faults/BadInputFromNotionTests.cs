using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Runs;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;
using static Hamgam.Testing.NotionSyncHarness;

namespace Hamgam.Core.Tests.Faults;

/// <summary>
/// R3 (issue #10): bad input from Notion becomes a clear error in the sync log — per record, or per run when a whole body is
/// unreadable — and everything else syncs. Already covered elsewhere: a corrupt select value
/// (NotionPullerTests.PullAsync_OneCorruptPageAmongGoodOnes…), a renamed property (…PropertyRenamedInNotion…), 4,000+
/// characters of Persian notes (…EveryTaskProperty…).
/// </summary>
public sealed class BadInputFromNotionTests
{
    [Theory, OnAllDatabases]
    public async Task PullAsync_OneTruncatedQueryBody_IsReadAgainAndEverythingSyncs(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        AddTasks(h, 5);
        h.Emulator.Faults.GarbleNext(1, h.Databases.Tasks.DataSourceId);

        var report = await h.PullAsync();

        Assert.Equal((SyncRunStatus.Success, 1), (report.Status, h.Emulator.Faults.Garbled));
        await using var db = h.Db.CreateContext();
        Assert.Equal(5, await db.Tasks.CountAsync());
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_QueryBodyUnreadableTwice_IsAClearRunErrorTheOtherEntitiesSyncAndTheNextPullCatchesUp(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        AddTasks(h, 5);
        h.AddPage(h.Databases.Projects.DataSourceId, "Name", "پروژه سالم");
        h.Emulator.Faults.GarbleNext(2, h.Databases.Tasks.DataSourceId);

        var report = await h.PullAsync();

        Assert.Equal((SyncRunStatus.Partial, 2), (report.Status, h.Emulator.Faults.Garbled));
        await using (var db = h.Db.CreateContext())
        {
            Assert.Equal(1, await db.Projects.CountAsync());
            var error = await db.SyncRunErrors.SingleAsync(e => e.SyncRunId == report.RunId);
            Assert.Equal(EntityKind.Task, error.EntityKind);
            Assert.Contains("cannot read", error.Message, StringComparison.Ordinal);
            Assert.Null(await db.SyncCursors.Where(c => c.EntityKind == EntityKind.Task).Select(c => c.LastEditedTime).SingleOrDefaultAsync());
        }

        var next = await h.PullAsync();

        Assert.Equal(SyncRunStatus.Success, next.Status);
        await using var check = h.Db.CreateContext();
        Assert.Equal(5, await check.Tasks.CountAsync());
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_InvalidDateAndMisshapenValues_ArePerRecordErrorsAndTheRestSyncs(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        AddTasks(h, 3);
        var badDate = h.AddTaskPage("تاریخ خراب", p => p["Due Date"] = Date("2026-12-01"));
        var badList = h.AddTaskPage("فهرست خراب");
        var badTitle = h.AddTaskPage("عنوان خراب");
        h.Notion.CorruptPropertyValue(badDate, "Due Date", new JsonObject { ["start"] = "2026-13-45", ["end"] = null });
        h.Notion.CorruptPropertyValue(badList, "Context", JsonValue.Create("not a list"));
        h.Notion.CorruptPropertyValue(badTitle, "Name", new JsonObject { ["unexpected"] = true });

        var report = await h.PullAsync();

        Assert.Equal(SyncRunStatus.Partial, report.Status);
        await using var db = h.Db.CreateContext();
        Assert.Equal(3, await db.Tasks.CountAsync());
        var errors = await db.SyncRunErrors.Where(e => e.SyncRunId == report.RunId).ToListAsync();
        Assert.Equal(new[] { badDate, badList, badTitle }.Order(), errors.Select(e => e.NotionId).Order());
        Assert.Contains(errors, e => e.NotionId == badDate && e.Message.Contains("Due Date", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.NotionId == badList && e.Message.Contains("Context", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.NotionId == badTitle && e.Message.Contains("Name", StringComparison.Ordinal));
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_PropertyTypeChangedAndPropertyDeleted_AreClearErrorsAndTheOtherFieldsSync(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var page = h.AddTaskPage("کار", p => p["Energy Level"] = Select("Low"));
        await h.PullAsync();

        h.Notion.UpdateDataSource(h.Databases.Tasks.DataSourceId, new JsonObject
        {
            ["properties"] = new JsonObject { ["Energy Level"] = new JsonObject { ["rich_text"] = new JsonObject() }, ["Notes"] = null },
        });
        h.Notion.UpdatePage(page, new JsonObject { ["properties"] = new JsonObject { ["Status"] = Status("Not started") } });
        h.AddTaskPage("کار تازه", p => p["Status"] = Status("In progress"));
        h.Db.Time.Advance(TimeSpan.FromMinutes(3));

        var report = await h.PullAsync(full: true);

        Assert.Contains(report.Problems, p => p.Contains("Energy Level", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains("Notes", StringComparison.Ordinal));
        await using var db = h.Db.CreateContext();
        Assert.Equal(["In progress", "Not started"], (await db.Tasks.Select(t => t.Status).ToListAsync()).Order());
        var errors = await db.SyncRunErrors.Where(e => e.SyncRunId == report.RunId).Select(e => e.Message).ToListAsync();
        Assert.Contains(errors, m => m.Contains("Energy Level", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("Notes", StringComparison.Ordinal));
    }

    [Theory, OnAllDatabases]
    public async Task PullAndPush_5000CharactersOfRtlTextAndEmoji_RoundTripExactly(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var persian = "سلام دنیا‌ها 👋🏽 — «همگام» ۱۴۰۵/۰۹/۰۳ \u200Fراست‌به‌چپ 🇮🇷 👩‍💻 ";
        var segment = string.Concat(Enumerable.Repeat(persian, 2000 / persian.Length));
        var longText = segment + segment + segment;
        Assert.InRange(longText.Length, 5000, 6000);
        var page = h.AddTaskPage("کار ✨ بلند", p =>
        {
            p["Notes"] = new JsonObject { ["rich_text"] = new JsonArray([.. Enumerable.Range(0, 3).Select(_ => (JsonNode)RichText(segment)[0]!.DeepClone())]) };
            p["Context"] = MultiSelect("خانه 🏠", "کار");
        });

        await h.PullAsync();
        Guid id;
        await using (var db = h.Db.CreateContext())
        {
            var task = await db.Tasks.SingleAsync();
            Assert.Equal(longText.Length, task.Notes!.Length);
            Assert.Equal(longText, task.Notes);
            Assert.Equal("کار ✨ بلند", task.Name);
            Assert.Equal(["خانه 🏠", "کار"], task.Context);
            id = task.Id;
        }

        // Over 2,000 characters the push splits the text; a split must never cut an emoji's surrogate pair in two.
        var edited = "ویرایش 📝 " + string.Concat(Enumerable.Repeat(persian, 5000 / persian.Length));
        await h.Changes.UpdateAsync(EntityKind.Task, id, new Dictionary<string, string?> { ["notes"] = edited });
        var push = await h.PushAsync();

        Assert.Equal((1, 0), (push.Updated, push.Failed));
        var notes = h.Notion.GetPage(page)!["properties"]!["Notes"]!["rich_text"]!.AsArray();
        Assert.Equal(edited, string.Concat(notes.Select(t => t!["plain_text"]!.GetValue<string>())));
        Assert.Equal(edited, TaskPageValues.Read(h.Notion.GetPage(page)!["properties"]!["Notes"]!, FieldKind.Text));
    }

    private static void AddTasks(NotionSyncHarness h, int count)
    {
        for (var i = 0; i < count; i++)
        {
            h.AddTaskPage($"کار {i} 🌱", p => p["Status"] = Status("In progress"));
        }
    }
}
