using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Tasks;

/// <summary>Completed Date follows Status for changes made in Hamgam, never for values pulled from Notion.</summary>
public sealed class TaskCompletionTests
{
    [Theory, OnAllDatabases]
    public async Task UpdateAsync_ToDoneAfterTehranMidnight_StampsTheUsersTodayAndQueuesIt(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider, statusAsStatusType: false);
        var changes = Changes(h);
        var task = await changes.CreateAsync(EntityKind.Task, Values(("name", "نوشتن گزارش"), ("status", "In progress")));
        h.Db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 20, 45, 0, TimeSpan.Zero)); // 00:15 on the 25th in Tehran

        await changes.UpdateAsync(EntityKind.Task, task.Id, Values(("status", "Done")));

        await using var db = await h.Db.Factory.CreateDbContextAsync();
        Assert.Equal(FlexDate.FromDate(new DateOnly(2026, 11, 25)), (await db.Tasks.SingleAsync()).CompletedDate);
        var queued = Canonical.Deserialize((await db.Outbox.OrderBy(o => o.Id).LastAsync()).Fields);
        Assert.Equal("2026-11-25", queued["completedDate"]);
    }

    [Theory, OnAllDatabases]
    public async Task UpdateAsync_DoneWithADateAlready_KeepsIt_AndReopeningClearsIt(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider, statusAsStatusType: false);
        var changes = Changes(h);
        var task = await changes.CreateAsync(EntityKind.Task, Values(("name", "t"), ("status", "Done"), ("completedDate", "2026-11-01")));

        var reopened = await changes.UpdateAsync(EntityKind.Task, task.Id, Values(("status", "In progress")));
        var redone = await changes.UpdateAsync(EntityKind.Task, task.Id, Values(("status", "Done"), ("completedDate", "2026-11-20")));

        Assert.Contains("completedDate", reopened.ChangedFields);
        Assert.Null(((TaskItem)reopened.Entity!).CompletedDate);
        Assert.Equal(FlexDate.FromDate(new DateOnly(2026, 11, 20)), ((TaskItem)redone.Entity!).CompletedDate);
        Assert.Equal(FlexDate.FromDate(new DateOnly(2026, 11, 1)), (await Changes(h).CreateAsync(EntityKind.Task,
            Values(("name", "u"), ("status", "Done"), ("completedDate", "2026-11-01"))) as TaskItem)!.CompletedDate);
    }

    [Theory, OnAllDatabases]
    public async Task CreateAsync_DoneFromTheConfiguredList_StampsToday(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider, statusAsStatusType: false);
        h.Options.Scope.TaskDoneStatuses = ["Done", "انجام شد"];

        var done = (TaskItem)await Changes(h).CreateAsync(EntityKind.Task, Values(("name", "خرید"), ("status", "انجام شد")));
        var open = (TaskItem)await Changes(h).CreateAsync(EntityKind.Task, Values(("name", "x"), ("status", "In progress")));

        Assert.Equal(FlexDate.FromDate(new DateOnly(2026, 11, 24)), done.CompletedDate);
        Assert.Null(open.CompletedDate);
    }

    [Theory, OnAllDatabases]
    public async Task UpdateAsync_StatusProperty_FollowsTheCompleteGroupNotTheList(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        h.Notion.UpdateDataSource(h.Databases.Tasks.DataSourceId, new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["Status"] = new JsonObject
                {
                    ["status"] = new JsonObject
                    {
                        ["options"] = new JsonArray(Option("Not started"), Option("In progress"), Option("Done"), Option("تحویل شد")),
                        ["groups"] = new JsonArray(
                            new JsonObject { ["name"] = "To-do", ["option_ids"] = new JsonArray("Not started") },
                            new JsonObject { ["name"] = "In progress", ["option_ids"] = new JsonArray("In progress", "Done") },
                            new JsonObject { ["name"] = "Complete", ["option_ids"] = new JsonArray("تحویل شد") }),
                    },
                },
            },
        });
        await h.PullAsync(full: true);
        var changes = Changes(h);
        var a = await changes.CreateAsync(EntityKind.Task, Values(("name", "a"), ("status", "In progress")));
        var b = await changes.CreateAsync(EntityKind.Task, Values(("name", "b"), ("status", "In progress")));

        var shipped = await changes.UpdateAsync(EntityKind.Task, a.Id, Values(("status", "تحویل شد")));
        var done = await changes.UpdateAsync(EntityKind.Task, b.Id, Values(("status", "Done")));

        Assert.Equal(FlexDate.FromDate(new DateOnly(2026, 11, 24)), ((TaskItem)shipped.Entity!).CompletedDate);
        Assert.Null(((TaskItem)done.Entity!).CompletedDate);
    }

    [Theory, OnAllDatabases]
    public async Task Pull_ReopenedInNotion_TakesTheValuesAsTheyAre(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider, statusAsStatusType: false);
        var page = h.AddTaskPage("from Notion", p =>
        {
            p["Status"] = NotionSyncHarness.Select("Done");
            p["Completed Date"] = NotionSyncHarness.Date("2026-11-22");
        });
        await h.PullAsync(full: true);
        h.Notion.UpdatePage(page, new JsonObject { ["properties"] = new JsonObject { ["Status"] = NotionSyncHarness.Select("In progress") } });
        h.Db.Time.Advance(TimeSpan.FromMinutes(5));

        await h.PullAsync(full: true);

        await using var db = await h.Db.Factory.CreateDbContextAsync();
        var task = await db.Tasks.SingleAsync();
        Assert.Equal("In progress", task.Status);
        Assert.Equal(FlexDate.FromDate(new DateOnly(2026, 11, 22)), task.CompletedDate);
    }

    private static JsonObject Option(string name) => new() { ["name"] = name };

    private static LocalChanges Changes(NotionSyncHarness h) =>
        new(h.Db.Factory, h.Db.Time, new TaskCompletion(h.Clock, Microsoft.Extensions.Options.Options.Create(h.Options)));

    private static Dictionary<string, string?> Values(params (string Name, string? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
