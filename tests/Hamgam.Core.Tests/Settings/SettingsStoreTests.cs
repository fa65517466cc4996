using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Settings;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;
using static Hamgam.Testing.NotionSyncHarness;

namespace Hamgam.Core.Tests.Settings;

public sealed class SettingsStoreTests
{
    [Theory, OnAllDatabases]
    public async Task SaveScheduleAsync_StoresAndReplaces_NullRemoves(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SettingsStore(db.Factory, db.Time);

        await store.SaveScheduleAsync("sync", " */10 * * * * ");
        await store.SaveScheduleAsync("backup", SettingsStore.Off);
        await store.SaveScheduleAsync("sync", "*/15 * * * *");
        var saved = await store.GetSchedulesAsync();
        await store.SaveScheduleAsync("backup", null);
        var afterReset = await store.GetSchedulesAsync();

        Assert.Equal("*/15 * * * *", saved["sync"]);
        Assert.Equal("off", saved["backup"]);
        Assert.Equal(["sync"], afterReset.Keys);
        await using var context = db.CreateContext();
        Assert.Equal(db.Time.GetUtcNow(), (await context.Settings.SingleAsync()).UpdatedAt);
    }

    [Theory, OnAllDatabases]
    public async Task SaveMappingAsync_StoresNamesPerEntity_BlankResetsToDefault(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SettingsStore(db.Factory, db.Time);

        await store.SaveMappingAsync(EntityKind.Task, new Dictionary<string, string?> { ["status"] = "وضعیت", ["notes"] = " Remarks " });
        await store.SaveMappingAsync(EntityKind.Habit, new Dictionary<string, string?> { ["status"] = "State" });
        var mapping = await store.SaveMappingAsync(EntityKind.Task, new Dictionary<string, string?> { ["status"] = "" });

        Assert.Null(mapping.Find(EntityKind.Task, "status"));
        Assert.Equal("Remarks", mapping.Find(EntityKind.Task, "notes"));
        Assert.Equal("State", mapping.Find(EntityKind.Habit, "status"));
        Assert.Equal(2, store.GetMapping().Count);
    }

    [Theory, OnAllDatabases]
    public async Task SaveMappingAsync_UnknownField_IsRefusedAndNothingIsStored(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new SettingsStore(db.Factory, db.Time);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.SaveMappingAsync(EntityKind.Task, new Dictionary<string, string?> { ["notes"] = "x", ["token"] = "y" }));

        Assert.Equal(0, (await store.GetMappingAsync()).Count);
    }

    [Theory, OnAllDatabases]
    public async Task SaveMappingAsync_ChangedField_ForgetsItsRememberedBinding_AndMakesTheNextPullFull(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        await h.PullAsync();
        var store = new SettingsStore(h.Db.Factory, h.Db.Time);

        await store.SaveMappingAsync(EntityKind.Task, new Dictionary<string, string?> { ["notes"] = "Remarks" });

        await using var db = h.Db.CreateContext();
        var cursor = await db.SyncCursors.SingleAsync(c => c.EntityKind == EntityKind.Task);
        var bindings = SchemaBindings.Deserialize(cursor.PropertyIds)!;
        Assert.Null(bindings.For("notes"));
        Assert.NotNull(bindings.For("status"));
        Assert.Null(cursor.LastFullPullAt);
        Assert.Equal("", cursor.DataSourceId);
        var untouched = await db.SyncCursors.SingleAsync(c => c.EntityKind == EntityKind.Project);
        Assert.NotNull(untouched.LastFullPullAt);
    }

    [Theory, OnAllDatabases]
    public async Task PullAsync_PropertyRenamedBeforeTheFirstPull_IsReadOnceMappedInSettings(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        h.Notion.UpdateDataSource(h.Databases.Tasks.DataSourceId, new JsonObject
        {
            ["properties"] = new JsonObject { ["Notes"] = new JsonObject { ["name"] = "یادداشت" } },
        });
        h.AddTaskPage("کار", p => p["یادداشت"] = Text("از Notion"));
        await h.PullAsync();
        await using (var before = h.Db.CreateContext())
        {
            Assert.Null((await before.Tasks.SingleAsync()).Notes);
        }

        var saved = new SavedPropertyNames(new SettingsStore(h.Db.Factory, h.Db.Time));
        h.Options.Saved = saved;
        await saved.SaveAsync(EntityKind.Task, new Dictionary<string, string?> { ["notes"] = "یادداشت" });
        var report = await h.PullAsync();

        Assert.Empty(report.Problems);
        await using var db = h.Db.CreateContext();
        Assert.Equal("از Notion", (await db.Tasks.SingleAsync()).Notes);
    }

    [Theory, OnAllDatabases]
    public async Task PullAndPush_AfterRemappingToAnotherProperty_UseTheNewOne_NotTheRememberedId(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        h.Notion.UpdateDataSource(h.Databases.Tasks.DataSourceId, new JsonObject
        {
            ["properties"] = new JsonObject { ["Remarks"] = new JsonObject { ["rich_text"] = new JsonObject() } },
        });
        var page = h.AddTaskPage("کار", p =>
        {
            p["Notes"] = Text("old");
            p["Remarks"] = Text("new");
        });
        await h.PullAsync();

        var saved = new SavedPropertyNames(new SettingsStore(h.Db.Factory, h.Db.Time));
        h.Options.Saved = saved;
        await saved.SaveAsync(EntityKind.Task, new Dictionary<string, string?> { ["notes"] = "Remarks" });
        var pulled = await h.PullAsync();
        await using (var db = h.Db.CreateContext())
        {
            var task = await db.Tasks.SingleAsync();
            Assert.Equal("new", task.Notes);
            await h.Changes.UpdateAsync(EntityKind.Task, task.Id, new Dictionary<string, string?> { ["notes"] = "edited here" }, task.Version);
        }

        await h.PushAsync();

        Assert.True(pulled.Entities.Single(e => e.Kind == EntityKind.Task).Full);
        var properties = h.Notion.GetPage(page)!["properties"]!;
        Assert.Equal("edited here", properties["Remarks"]!["rich_text"]![0]!["plain_text"]!.GetValue<string>());
        Assert.Equal("old", properties["Notes"]!["rich_text"]![0]!["plain_text"]!.GetValue<string>());
    }
}
