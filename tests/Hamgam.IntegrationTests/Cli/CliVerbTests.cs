using System.Text.Json.Nodes;
using Hamgam.Core.Backup;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Hamgam.Testing;
using Hamgam.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.IntegrationTests.Cli;

[Collection(CliCollection.Name)]
public sealed class CliVerbTests
{
    [Theory, OnAllDatabases]
    public async Task SyncPull_DryRunWritesNothing_ThenPullImports(DatabaseProvider provider)
    {
        await using var h = await CliHarness.CreateAsync(provider);
        h.Notion.Workspace.CreatePage(h.Databases.Tasks.DataSourceId, new() { ["Name"] = NotionSyncHarness.Title("خرید نان") });

        var (dryExit, dryOutput) = await h.RunAsync("sync", "--pull", "--dry-run");

        Assert.True(dryExit == HamgamCli.Ok, dryOutput);
        Assert.Contains("dry run, nothing was written", dryOutput, StringComparison.Ordinal);
        Assert.Contains("create   Tasks", dryOutput, StringComparison.Ordinal);
        await using (var db = h.Db.CreateContext())
        {
            Assert.Equal(0, await db.Tasks.CountAsync());
        }

        var (exit, output) = await h.RunAsync("sync", "--pull");

        Assert.True(exit == HamgamCli.Ok, output);
        Assert.Contains("Tasks       seen 1, created 1", output, StringComparison.Ordinal);
        await using var check = h.Db.CreateContext();
        Assert.Equal("خرید نان", (await check.Tasks.SingleAsync()).Name);
    }

    [Fact]
    public async Task Sync_SameFieldChangedOnBothSides_NotionWinsAndTheLocalValueWaitsInTheInbox()
    {
        await using var h = await CliHarness.CreateAsync();
        var page = h.Notion.Workspace.CreatePage(h.Databases.Tasks.DataSourceId, new() { ["Name"] = NotionSyncHarness.Title("خرید نان") })["id"]!.GetValue<string>();
        Assert.Equal(HamgamCli.Ok, (await h.RunAsync("sync", "--pull")).Exit);
        var changes = new LocalChanges(h.Db.Factory, h.Db.Time);
        await using (var db = h.Db.CreateContext())
        {
            var id = (await db.Tasks.SingleAsync()).Id;
            await changes.UpdateAsync(EntityKind.Task, id, new Dictionary<string, string?> { ["name"] = "خرید نان و شیر" });
        }

        h.Notion.Workspace.UpdatePage(page, new() { ["properties"] = new JsonObject { ["Name"] = NotionSyncHarness.Title("خرید نان سنگک") } });

        var (exit, output) = await h.RunAsync("sync");

        Assert.True(exit == HamgamCli.Ok, output);
        Assert.Equal("خرید نان سنگک", h.Notion.Workspace.GetPage(page)!["properties"]!["Name"]!["title"]![0]!["plain_text"]!.GetValue<string>());
        await using var check = h.Db.CreateContext();
        Assert.Equal("خرید نان سنگک", (await check.Tasks.SingleAsync()).Name);
        var conflict = await check.Conflicts.SingleAsync();
        Assert.Equal(("name", "خرید نان و شیر", "خرید نان سنگک"), (conflict.Field, conflict.LocalValue, conflict.RemoteValue));
    }

    [Fact]
    public async Task SyncPull_NotionNotConfigured_SaysWhatToSet()
    {
        await using var h = await CliHarness.CreateAsync();
        h.Settings["Notion:Token"] = "";

        var (exit, output) = await h.RunAsync("sync", "--pull");

        Assert.Equal(HamgamCli.NotConfigured, exit);
        Assert.Contains("Notion__Token", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupThenRestore_FillsTheSheet_DryRunChangesNothing_ApplyRestores()
    {
        await using var h = await CliHarness.CreateAsync();
        var task = await SeedTaskAsync(h, "نوشتن گزارش");

        var (backupExit, backupOutput) = await h.RunAsync("backup");

        Assert.True(backupExit == HamgamCli.Ok, backupOutput);
        Assert.Contains("Brain Dump Archive   1 row(s)", backupOutput, StringComparison.Ordinal);
        var rows = h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.BrainDump);
        Assert.Equal(("نوشتن گزارش", task.Id.ToString("D")), (rows[1][1], rows[1][^1]));

        await RenameAsync(h, task.Id, "چیز دیگر");
        var (dryExit, dryOutput) = await h.RunAsync("restore", "--from-sheets", "--tab", "Brain Dump Archive", "--dry-run");

        Assert.True(dryExit == HamgamCli.Ok, dryOutput);
        Assert.Contains("dry run, nothing was changed", dryOutput, StringComparison.Ordinal);
        Assert.Contains("row 2   update \"چیز دیگر\": Name: \"چیز دیگر\" → \"نوشتن گزارش\"", dryOutput, StringComparison.Ordinal);
        Assert.Equal("چیز دیگر", (await LoadTaskAsync(h, task.Id)).Name);

        var (exit, output) = await h.RunAsync("restore", "--from-sheets", "--tab", "Brain Dump Archive");

        Assert.True(exit == HamgamCli.Ok, output);
        Assert.Equal("نوشتن گزارش", (await LoadTaskAsync(h, task.Id)).Name);
        await using var db = h.Db.CreateContext();
        Assert.Equal(2, await db.SyncLog.CountAsync(r => r.Type == SyncRunType.Restore));
    }

    [Fact]
    public async Task Restore_UnknownTabOrMissingFlag_FailsClearly()
    {
        await using var h = await CliHarness.CreateAsync();

        var (exit, output) = await h.RunAsync("restore", "--from-sheets", "--tab", "Sheet9");
        var (noSource, advice) = await h.RunAsync("restore");

        Assert.Equal(HamgamCli.Failed, exit);
        Assert.Contains("no backup tab \"Sheet9\"", output, StringComparison.Ordinal);
        Assert.Equal(HamgamCli.Failed, noSource);
        Assert.Contains("--from-sheets", advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_DatabaseNotShared_SaysSoPlainly_AndNeverPrintsTheToken()
    {
        await using var h = await CliHarness.CreateAsync();
        // A well-formed id (Notion validates the uuid variant) that no shared database has.
        h.Settings["Notion:Databases:Projects"] = Guid.NewGuid().ToString("N");

        var (exit, output) = await h.RunAsync("status");

        Assert.True(exit == HamgamCli.Failed, output);
        Assert.Contains("Database: SQLite", output, StringComparison.Ordinal);
        Assert.Contains("Tasks       " + h.Databases.Tasks.DatabaseId + ": reachable", output, StringComparison.Ordinal);
        Assert.Contains("NOT reachable — the database is not shared with the integration", output, StringComparison.Ordinal);
        Assert.Contains("404 object_not_found", output, StringComparison.Ordinal);
        Assert.Contains("Sheets: spreadsheet " + h.SpreadsheetId, output, StringComparison.Ordinal);
        Assert.Contains("Outbox: 0 record(s) waiting", output, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Notion.Options.Token, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WrongToken_SaysTheTokenIsNotValid()
    {
        await using var h = await CliHarness.CreateAsync();
        h.Settings["Notion:Token"] = "secret_wrong";

        var (exit, output) = await h.RunAsync("status");

        Assert.Equal(HamgamCli.Failed, exit);
        Assert.Contains("the token is not valid", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret_wrong", output, StringComparison.Ordinal);
    }

    private static async Task<TaskItem> SeedTaskAsync(CliHarness h, string name)
    {
        await using var db = h.Db.CreateContext();
        var task = new TaskItem { Name = name, Status = "Not started", CreatedAt = h.Db.Time.GetUtcNow() };
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    private static async Task RenameAsync(CliHarness h, Guid id, string name)
    {
        await using var db = h.Db.CreateContext();
        (await db.Tasks.SingleAsync(t => t.Id == id)).Name = name;
        await db.SaveChangesAsync();
    }

    private static async Task<TaskItem> LoadTaskAsync(CliHarness h, Guid id)
    {
        await using var db = h.Db.CreateContext();
        return await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id);
    }
}
