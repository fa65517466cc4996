using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Live;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Emulators.Notion;
using Hamgam.IntegrationTests.Cli;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Testing;
using Hamgam.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.IntegrationTests.Live;

/// <summary>
/// Push on save and the one coordinator, with the whole app: saves reach Notion by themselves, and two pushers — the CLI
/// beside a server, or two servers on one PostgreSQL — never make a page twice.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class LiveSyncTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Theory, OnAllDatabases]
    public async Task ApiCreateAndEdit_ReachNotionBySaveAlone_WithAQuietRunLogged(DatabaseProvider provider)
    {
        await using var cli = await CliHarness.CreateAsync(provider);
        await using var app = App(cli);
        using var client = app.CreateAuthorizedClient();

        var created = await client.PostAsJsonAsync("/api/tasks", new { name = "ذخیره و رفت" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await WaitAsync(() => Titles(cli).Contains("ذخیره و رفت"));
        (await client.PatchAsJsonAsync($"/api/tasks/{id}", new { name = "ذخیره، ویرایش و رفت" })).EnsureSuccessStatusCode();
        await WaitAsync(() => Titles(cli).Contains("ذخیره، ویرایش و رفت"));

        Assert.Single(Titles(cli), t => t.StartsWith("ذخیره", StringComparison.Ordinal));
        await using var db = cli.Db.CreateContext();
        Assert.All(await db.SyncLog.Where(r => r.Type == SyncRunType.DbToNotion).ToListAsync(), r => Assert.Equal(RunTriggers.Save, r.Trigger));
        await WaitAsync(async () => !await db.Outbox.AnyAsync(o => o.State == OutboxState.Pending));
    }

    [Theory, OnAllDatabases]
    public async Task CliPushBesideAServerPushingTheSamePendingCreate_MakesExactlyOnePage(DatabaseProvider provider)
    {
        await using var cli = await CliHarness.CreateAsync(provider);
        // Slow answers keep the server's create in flight while the CLI starts its own push.
        cli.Notion.Faults.Latency = TimeSpan.FromMilliseconds(400);
        await using var app = App(cli, debounce: "00:00:00");
        using var client = app.CreateAuthorizedClient();
        var names = Enumerable.Range(1, 5).Select(i => $"کار همزمان {i}").ToList();

        foreach (var name in names)
        {
            (await client.PostAsJsonAsync("/api/tasks", new { name })).EnsureSuccessStatusCode();
        }

        var (exit, output) = await cli.RunAsync("sync", "--push");
        await WaitAsync(async () =>
        {
            await using var db = cli.Db.CreateContext();
            return !await db.Outbox.AnyAsync(o => o.State == OutboxState.Pending);
        });

        Assert.True(exit is HamgamCli.Ok, output);
        Assert.All(names, name => Assert.Single(Titles(cli), t => t == name));
    }

    [Fact]
    public async Task TwoServersOnOnePostgres_EachPushingOnSave_MakeEachPageOnce_AndEachSeesTheOthersChanges()
    {
        if (TestEnvironment.PostgresOptedOut)
        {
            return;
        }

        await using var cli = await CliHarness.CreateAsync(DatabaseProvider.Postgres);
        cli.Notion.Faults.Latency = TimeSpan.FromMilliseconds(200);
        await using var first = App(cli);
        await using var second = App(cli);
        using var a = first.CreateAuthorizedClient();
        using var b = second.CreateAuthorizedClient();
        var relayed = new TaskCompletionSource<LiveChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        second.Services.GetRequiredService<ChangeFeed>().Changed += c =>
        {
            if (c is { FromOtherInstance: true } && c.Topics.HasFlag(LiveTopics.Tasks))
            {
                relayed.TrySetResult(c);
            }
        };
        var names = Enumerable.Range(1, 10).Select(i => $"دو سرور {i}").ToList();

        await Task.WhenAll(names.Select((name, i) => (i % 2 == 0 ? a : b).PostAsJsonAsync("/api/tasks", new { name })));
        await WaitAsync(async () =>
        {
            await using var db = cli.Db.CreateContext();
            return !await db.Outbox.AnyAsync(o => o.State == OutboxState.Pending) && Titles(cli).Count(t => t.StartsWith("دو سرور", StringComparison.Ordinal)) >= 10;
        });

        Assert.All(names, name => Assert.Single(Titles(cli), t => t == name));
        Assert.True((await relayed.Task.WaitAsync(Patience)).FromOtherInstance);
    }

    private static HamgamAppFactory App(CliHarness cli, string debounce = "00:00:00.300")
    {
        var app = new HamgamAppFactory();
        foreach (var (key, value) in cli.Settings)
        {
            app.Settings[key] = value;
        }

        app.Settings["Live:PushOnSave"] = "true";
        app.Settings["Live:Debounce"] = debounce;
        app.Settings["Sync:PullCron"] = "off";
        app.Settings["Sync:BackupCron"] = "off";
        app.Settings["Sync:RecurringCron"] = "off";
        return app;
    }

    private static List<string> Titles(CliHarness cli) =>
        [.. cli.Notion.Workspace.ListPages(cli.Databases.Tasks.DataSourceId)
            .Select(p => string.Concat(p["properties"]!["Name"]!["title"]!.AsArray().Select(t => t!["plain_text"]!.GetValue<string>())))];

    private static Task WaitAsync(Func<bool> done) => WaitAsync(() => Task.FromResult(done()));

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!await done())
        {
            await Task.Delay(50, deadline.Token);
        }
    }
}
