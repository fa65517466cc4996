using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Push;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Sync.Push;

public sealed class NotionPusherTests
{
    [Theory, OnAllDatabases]
    public async Task PushAsync_NewTask_CreatesOnePageWithEveryFieldAndRemembersIt(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var notes = string.Concat(Enumerable.Repeat("یادداشت طولانی 🌱 ", 300));
        var task = await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?>
        {
            ["name"] = "کار تازه 📚", ["status"] = "In progress", ["context"] = """["خانه","Computer"]""", ["dueDate"] = "2026-12-01",
            ["scheduledFor"] = "2026-11-24T18:30:00.000+03:30", ["quickWin"] = "true", ["notes"] = notes, ["recurringType"] = "Weekly",
        });

        var report = await h.PushAsync();

        Assert.Equal((1, 0, SyncRunStatus.Success), (report.Created, report.Failed, report.Status));
        await using var db = h.Db.CreateContext();
        var row = await db.Tasks.SingleAsync(t => t.Id == task.Id);
        Assert.NotNull(row.NotionId);
        var page = h.Notion.GetPage(row.NotionId!)!;
        var props = page["properties"]!;
        Assert.Equal("کار تازه 📚", props["Name"]!["title"]![0]!["plain_text"]!.GetValue<string>());
        Assert.Equal("In progress", props["Status"]!["status"]!["name"]!.GetValue<string>());
        Assert.Equal(notes, string.Concat(props["Notes"]!["rich_text"]!.AsArray().Select(t => t!["plain_text"]!.GetValue<string>())));
        Assert.True(props["Notes"]!["rich_text"]!.AsArray().Count >= 3);
        Assert.Equal("2026-11-24T18:30:00.000+03:30", props["Scheduled For"]!["date"]!["start"]!.GetValue<string>());
        Assert.True(props["Quick Win"]!["checkbox"]!.GetValue<bool>());
        Assert.All(await db.Outbox.ToListAsync(), o => Assert.Equal(OutboxState.Done, o.State));

        var again = await h.PushAsync();
        Assert.Equal(0, again.RequestsUsed);
        var pull = await h.PullAsync();
        Assert.Equal(0, pull.Entities.Single(e => e.Kind == EntityKind.Task).Updated);
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_SeveralEditsOfOnePage_SendOneRequestWithOnlyTheChangedProperties(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("کار", p => p["Notes"] = new JsonObject
        {
            ["rich_text"] = new JsonArray(new JsonObject
            {
                ["type"] = "text", ["text"] = new JsonObject { ["content"] = "پررنگ" }, ["annotations"] = new JsonObject { ["bold"] = true },
            }),
        });
        await h.PullAsync();
        var local = await LocalIdAsync(h, id);
        await h.Changes.UpdateAsync(EntityKind.Task, local, new Dictionary<string, string?> { ["status"] = "In progress" });
        await h.Changes.UpdateAsync(EntityKind.Task, local, new Dictionary<string, string?> { ["energyLevel"] = "Low" });
        await h.Changes.UpdateAsync(EntityKind.Task, local, new Dictionary<string, string?> { ["status"] = "Done", ["tags"] = null });

        var report = await h.PushAsync();

        Assert.Equal(1, report.Updated);
        Assert.Equal(["energyLevel", "status"], report.Planned.Single().Fields.Order());
        // One update, plus the one query that first looks for edits made in Notion since the last pull.
        Assert.Equal(2, report.RequestsUsed);
        var props = h.Notion.GetPage(id)!["properties"]!;
        Assert.Equal("Done", props["Status"]!["status"]!["name"]!.GetValue<string>());
        Assert.True(props["Notes"]!["rich_text"]![0]!["annotations"]!["bold"]!.GetValue<bool>());
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_ClearedValues_AreClearedInNotion(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("پر", p =>
        {
            p["Due Date"] = NotionSyncHarness.Date("2026-12-01");
            p["Tags"] = NotionSyncHarness.MultiSelect("a", "b");
            p["Quick Win"] = new JsonObject { ["checkbox"] = true };
            p["Notes"] = NotionSyncHarness.Text("متن");
            p["Urgency"] = NotionSyncHarness.Select("High");
        });
        await h.PullAsync();
        var local = await LocalIdAsync(h, id);
        await h.Changes.UpdateAsync(EntityKind.Task, local, new Dictionary<string, string?>
        {
            ["dueDate"] = null, ["tags"] = null, ["quickWin"] = "false", ["notes"] = null, ["urgency"] = null,
        });

        await h.PushAsync();

        var props = h.Notion.GetPage(id)!["properties"]!;
        Assert.Null(props["Due Date"]!["date"]);
        Assert.Empty(props["Tags"]!["multi_select"]!.AsArray());
        Assert.False(props["Quick Win"]!["checkbox"]!.GetValue<bool>());
        Assert.Empty(props["Notes"]!["rich_text"]!.AsArray());
        Assert.Null(props["Urgency"]!["select"]);
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_DeletedTask_TrashesThePage(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("حذف کن");
        await h.PullAsync();
        await h.Changes.DeleteAsync(EntityKind.Task, await LocalIdAsync(h, id));

        var report = await h.PushAsync();

        Assert.Equal(1, report.Deleted);
        Assert.True(h.Notion.GetPage(id)!["in_trash"]!.GetValue<bool>());
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_TaskOfANewProject_PushesTheProjectFirstAndRelatesThem(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var task = await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "کار پروژه" });
        var project = await h.Changes.CreateAsync(EntityKind.Project, new Dictionary<string, string?> { ["name"] = "پروژهٔ نو" });
        await h.Changes.UpdateAsync(EntityKind.Task, task.Id, new Dictionary<string, string?> { ["projectId"] = project.Id.ToString() });

        await h.PushAsync();

        await using var db = h.Db.CreateContext();
        var projectPage = (await db.Projects.SingleAsync()).NotionId!;
        var taskPage = h.Notion.GetPage((await db.Tasks.SingleAsync()).NotionId!)!;
        Assert.Equal(projectPage, taskPage["properties"]!["Related Project"]!["relation"]![0]!["id"]!.GetValue<string>());
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_RejectedByNotion_StaysFailedWithNotionsMessage(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("کار");
        await h.PullAsync();
        await h.Changes.UpdateAsync(EntityKind.Task, await LocalIdAsync(h, id), new Dictionary<string, string?> { ["status"] = "وضعیتی که نیست" });

        var report = await h.PushAsync();

        Assert.Equal((1, SyncRunStatus.Partial), (report.Failed, report.Status));
        await using var db = h.Db.CreateContext();
        var entry = await db.Outbox.SingleAsync(o => o.State == OutboxState.Failed);
        Assert.StartsWith("Notion answered 400 validation_error", entry.LastError, StringComparison.Ordinal);
        Assert.Equal(0, (await h.PushAsync()).RequestsUsed);
    }

    [Theory, OnAllDatabases]
    public async Task FailedPush_Discarded_PutsTheRecordBackAsNotionHasIt_Retried_IsSentAgain(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var id = h.AddTaskPage("کار", p => p["Status"] = NotionSyncHarness.Status("Not started"));
        await h.PullAsync();
        var local = await LocalIdAsync(h, id);
        await h.Changes.UpdateAsync(EntityKind.Task, local, new Dictionary<string, string?> { ["status"] = "نامعتبر" });
        await h.PushAsync();
        var failed = new FailedPushes(h.Db.Factory, h.Db.Time);
        var entry = Assert.Single(await failed.ListAsync());

        Assert.True(await failed.RetryAsync(entry.Id));
        Assert.Equal(1, (await h.PushAsync()).Failed);
        Assert.True(await failed.DiscardAsync(entry.Id));

        await using var db = h.Db.CreateContext();
        Assert.Equal("Not started", (await db.Tasks.SingleAsync()).Status);
        Assert.Empty(await failed.ListAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, PushStep.BeforeRequest)]
    [InlineData(DatabaseProvider.Sqlite, PushStep.AfterResponseBeforeSave)]
    [InlineData(DatabaseProvider.Postgres, PushStep.BeforeRequest)]
    [InlineData(DatabaseProvider.Postgres, PushStep.AfterResponseBeforeSave)]
    public async Task PushAsync_CrashDuringCreate_NeverDuplicatesNorLosesTheTask(DatabaseProvider provider, PushStep crashAt)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var task = await h.Changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "نباید تکراری شود" });
        var crashing = h.Pusher;
        crashing.OnStep = step => step == crashAt ? throw new SimulatedCrashException(step) : Task.CompletedTask;

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.PushAsync(new PushRequest(Trigger: "test")));
        h.Db.Time.Advance(TimeSpan.FromSeconds(30));
        await h.PushAsync();

        var pages = h.Notion.ListPages(h.Databases.Tasks.DataSourceId);
        Assert.Single(pages);
        await using var db = h.Db.CreateContext();
        Assert.Equal(pages[0]["id"]!.GetValue<string>(), (await db.Tasks.SingleAsync(t => t.Id == task.Id)).NotionId);
        Assert.DoesNotContain(await db.Outbox.ToListAsync(), o => o.State == OutboxState.Pending);
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_100EditsOf70Pages_SendsOneRequestPerPage(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        // The figure is 1,000 edits of which 300 repeat pages (700 requests, measured); the same ratio, smaller.
        for (var i = 0; i < 70; i++)
        {
            h.AddTaskPage($"کار {i}");
        }

        await h.PullAsync();
        List<Guid> ids;
        await using (var db = h.Db.CreateContext())
        {
            ids = await db.Tasks.OrderBy(t => t.Name).Select(t => t.Id).ToListAsync();
        }

        var edits = ids.Select((id, i) => (id, i)).Concat(ids.Take(30).Select((id, i) => (id, i + 70))).ToList();
        foreach (var (id, i) in edits)
        {
            await h.Changes.UpdateAsync(EntityKind.Task, id, new Dictionary<string, string?> { ["notes"] = $"ویرایش {i}" });
        }

        var report = await h.PushAsync();

        Assert.Equal(100, edits.Count);
        Assert.Equal((70, 0), (report.Updated, report.Failed));
        // One request per page, plus one query (70 results fit one page) for edits made in Notion since the last pull.
        Assert.Equal(71, report.RequestsUsed);
    }

    [Theory, OnAllDatabases]
    public async Task PushAsync_DryRun_SendsNothing(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        await h.Changes.CreateAsync(EntityKind.Habit, new Dictionary<string, string?> { ["name"] = "مطالعه", ["counter"] = "3" });

        var report = await h.PushAsync(dryRun: true);

        Assert.Equal("create", report.Planned.Single().Action);
        Assert.Empty(h.Notion.ListPages(h.Databases.Habits.DataSourceId));
        await using var db = h.Db.CreateContext();
        Assert.Equal(OutboxState.Pending, (await db.Outbox.SingleAsync()).State);
    }

    private static async Task<Guid> LocalIdAsync(NotionSyncHarness h, string notionId)
    {
        await using var db = h.Db.CreateContext();
        return (await db.Tasks.SingleAsync(t => t.NotionId == notionId)).Id;
    }
}
