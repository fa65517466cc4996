using System.Collections.Concurrent;
using System.Diagnostics;
using Hamgam.Core.Sync.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hamgam.Bench;

/// <summary>
/// F1/F1b/F5 (issue 14) and F2/F3 and the polling cost (issue 15): how soon a change on one side shows on the other,
/// with live sync at its product defaults, against Notion's real rate limit and 150 ms latency.
/// </summary>
internal sealed class LiveScenario(BenchOptions options)
{
    private const int Pages = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public async Task<List<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        if (options.Runs("F1") || options.Runs("F1B") || options.Runs("F2") || options.Runs("F5"))
        {
            await using var world = await LiveWorld.StartAsync(Pages, null, cancellationToken);
            if (options.Runs("F1") || options.Runs("F1B"))
            {
                figures.AddRange(await SaveToNotionAsync(world, options.Quick ? 30 : 200, cancellationToken));
                figures.AddRange(await BurstAsync(world, cancellationToken));
            }

            if (options.Runs("F2"))
            {
                // Measured here, where the pages' last edits are minutes old: pages edited in the pull cursor's minute are
                // read again by every poll (Notion's timestamps are minute-granular), which the F2 world's fresh seed is.
                figures.AddRange(await PollingCostAsync(world, cancellationToken));
            }

            if (options.Runs("F5"))
            {
                figures.AddRange(await PullToBrowserAsync(world, options.Quick ? 10 : 40, cancellationToken));
            }
        }

        if (options.Runs("F2") || options.Runs("F3"))
        {
            // Every change on a page of its own: a page renamed twice between two polls would show only its last name.
            var changes = options.Quick ? 20 : 100;
            await using var world = await LiveWorld.StartAsync(2 * changes + 10, null, cancellationToken);
            figures.AddRange(await NotionToDashboardAsync(world, "polling", changes, TimeSpan.FromSeconds(35), cancellationToken));
            await SubscribeAsync(world, cancellationToken);
            figures.AddRange(await NotionToDashboardAsync(world, "webhooks", changes, TimeSpan.FromSeconds(3), cancellationToken));
        }

        return figures;
    }

    /// <summary>F1: single edits through the API, 2 s apart, each timed until Notion holds the value.</summary>
    private static async Task<List<Figure>> SaveToNotionAsync(LiveWorld world, int edits, CancellationToken cancellationToken)
    {
        Console.WriteLine($"F1: {edits} single edits 2 s apart, each timed until Notion has it…");
        var pages = world.Tasks.Keys.ToList();
        var latencies = new ConcurrentBag<double>();
        var missed = 0;
        var started = Stopwatch.GetTimestamp();
        var watches = new List<Task>();
        for (var i = 0; i < edits; i++)
        {
            var due = TimeSpan.FromSeconds(2 * i) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            var page = pages[i % pages.Count];
            var name = $"F1 ویرایش {i}";
            var saved = Stopwatch.GetTimestamp();
            await world.RenameInHamgamAsync(world.Tasks[page], name, cancellationToken);
            watches.Add(Task.Run(async () =>
            {
                if (await LiveWorld.SecondsUntilAsync(saved, () => Task.FromResult(world.TitleInNotion(page) == name), Deadline, cancellationToken) is { } s)
                {
                    latencies.Add(s);
                }
                else
                {
                    Interlocked.Increment(ref missed);
                }
            }, cancellationToken));
        }

        await Task.WhenAll(watches);
        return Latency("F1", "save → the value in Notion", [.. latencies], 3, edits, missed, "from the PATCH's start; 2 s apart, 20 pages in turn");
    }

    /// <summary>F1b: 50 edits to 10 pages within one second: Notion requests, and when each page's last value is there.</summary>
    private static async Task<List<Figure>> BurstAsync(LiveWorld world, CancellationToken cancellationToken)
    {
        Console.WriteLine("F1b: 50 edits to 10 pages within one second…");
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // F1's last push settles first.
        var pages = world.Tasks.Keys.Take(10).ToList();
        var since = TimeProvider.System.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < 50; i++)
        {
            await world.RenameInHamgamAsync(world.Tasks[pages[i % 10]], $"F1b {i % 10} دور {i / 10}", cancellationToken);
            var due = TimeSpan.FromMilliseconds(20 * (i + 1)) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }
        }

        var burst = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var lastValueAt = await LiveWorld.SecondsUntilAsync(
            started, () => Task.FromResult(pages.Select((p, k) => world.TitleInNotion(p) == $"F1b {k} دور 4").All(x => x)), Deadline, cancellationToken);
        // Anything a second push would send has had its debounce and more.
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var (runs, requests) = await world.PushRequestsSinceAsync(since, cancellationToken);
        return
        [
            new("F1b", "burst of 50 edits to 10 pages: Notion requests", requests, "requests", 10, Judge.AtMost,
                Note: $"{runs} push run(s); 10 page updates and the one query with which a push first looks for Notion edits made since the last pull (the conflict guard); the 50 edits took {burst:0.00} s"),
            new("F1b", "burst: last value of every page in Notion", lastValueAt, "s", 5, Judge.AtMost, Note: "from the first edit"),
        ];
    }

    /// <summary>The polling cost: requests a minute while in use with nothing changing, and one idle poll.</summary>
    private static async Task<List<Figure>> PollingCostAsync(LiveWorld world, CancellationToken cancellationToken)
    {
        Console.WriteLine("F2: polling cost over 3 minutes of use with nothing changing…");
        var window = TimeSpan.FromMinutes(3);
        var before = world.Notion.RequestCount;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < window)
        {
            // The dashboard in use: an API call now and then.
            await world.NameInHamgamAsync(world.Tasks.Values.First(), cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
        }

        var perMinute = (world.Notion.RequestCount - before) / window.TotalMinutes;
        var idleStart = world.Notion.RequestCount;
        await world.App.Services.GetRequiredService<Hamgam.Web.Features.Sync.SyncRunner>()
            .PullAsync(new Hamgam.Core.Sync.Pull.PullRequest(Trigger: "scheduled"), cancellationToken, wait: true);
        var idlePoll = world.Notion.RequestCount - idleStart;
        const double budget = 3 * 60;
        return
        [
            new("F2", "active polling: Notion requests a minute", perMinute, "req/min", 0.06 * budget, Judge.AtMost,
                Note: $"{perMinute / budget:P1} of the 3 requests/s budget (180 a minute); a poll every 30 s: 4 data source queries and the trash search, and every 5 minutes one move search"),
            new("F2", "one idle poll (the 5-minute schedule): requests", idlePoll, "requests", 6, Judge.AtMost,
                Note: $"4 queries + the trash search (+ the move search when 5 minutes have passed); idle on the 5-minute schedule: {idlePoll / 5.0:0.#} req/min, {idlePoll / 5.0 / budget:P2} of the budget"),
        ];
    }

    /// <summary>F2/F3: renames and trashes made in Notion, each timed until Hamgam's API shows them.</summary>
    private static async Task<List<Figure>> NotionToDashboardAsync(LiveWorld world, string how, int changes, TimeSpan target, CancellationToken cancellationToken)
    {
        Console.WriteLine($"F2/F3 ({how}): {changes * 4 / 5} renames and {changes / 5} trashes in Notion, 1 s apart, each timed until the API shows it…");
        // Pages no earlier round touched: each change gets one of its own.
        var pages = world.Tasks.Keys.Where(p => world.TitleInNotion(p) is { } t && t.StartsWith("کار", StringComparison.Ordinal)
            && world.Notion.Workspace.GetPage(p)?["in_trash"]?.GetValue<bool>() != true).ToList();
        var renames = new ConcurrentBag<double>();
        var trashes = new ConcurrentBag<double>();
        var missed = 0;
        var watches = new List<Task>();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < changes; i++)
        {
            var due = TimeSpan.FromSeconds(i) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            var page = pages[i];
            var id = world.Tasks[page];
            var at = Stopwatch.GetTimestamp();
            if (i % 5 == 4)
            {
                world.Notion.Workspace.TrashPage(page);
                watches.Add(Watch(at, async () => await world.NameInHamgamAsync(id, cancellationToken) is null, trashes));
                continue;
            }

            var name = $"F2 {how} {i}";
            world.RenameInNotion(page, name);
            watches.Add(Watch(at, async () => await world.NameInHamgamAsync(id, cancellationToken) == name, renames));
        }

        await Task.WhenAll(watches);
        return
        [
            .. Latency($"F2 ({how})", "a Notion edit → visible in Hamgam's API", [.. renames], target.TotalSeconds, renames.Count + missed, missed,
                "from the owner's edit in the emulator"),
            .. Latency($"F3 ({how})", "a Notion trash → gone from Hamgam's API", [.. trashes], target.TotalSeconds, trashes.Count, 0,
                "from the trash in the emulator"),
        ];

        Task Watch(long at, Func<Task<bool>> done, ConcurrentBag<double> into) => Task.Run(async () =>
        {
            if (await LiveWorld.SecondsUntilAsync(at, done, Deadline, cancellationToken) is { } s)
            {
                into.Add(s);
            }
            else
            {
                Interlocked.Increment(ref missed);
            }
        }, cancellationToken);
    }

    /// <summary>F5: a pull commits a change; an open /tasks page in Chromium shows it. Timed from the commit.</summary>
    private static async Task<List<Figure>> PullToBrowserAsync(LiveWorld world, int changes, CancellationToken cancellationToken)
    {
        Console.WriteLine($"F5: {changes} changes pulled while /tasks is open in Chromium…");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "fa-IR" });
        await page.GotoAsync(world.BaseUrl + "/signin");
        await page.FillAsync("#apiKey", BenchApp.ApiKey);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync(world.BaseUrl + "/tasks");
        await page.Locator(".app-root[data-ready=true]").WaitForAsync();

        // Unix milliseconds of the first commit that touched tasks after the rename (the change feed fires right after it).
        long committedAt = 0;
        var feed = world.App.Services.GetRequiredService<ChangeFeed>();
        void OnChanged(LiveChange change)
        {
            if (change.Topics.HasFlag(LiveTopics.Tasks))
            {
                // The first such commit after the rename is the one that carries it.
                Interlocked.CompareExchange(ref committedAt, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), 0);
            }
        }

        feed.Changed += OnChanged;
        var runner = world.App.Services.GetRequiredService<Hamgam.Web.Features.Sync.SyncRunner>();
        var latencies = new List<double>();
        var missed = 0;
        try
        {
            var pages = world.Tasks.Keys.ToList();
            for (var i = 0; i < changes; i++)
            {
                var name = $"F5 مرورگر {i}";
                // The page itself notes when the name appears (a MutationObserver, Date.now() on the same clock), so the
                // figure is not rounded to Playwright's polling steps.
                var appeared = page.EvaluateAsync<double>(
                    """
                    name => new Promise(resolve => {
                        const seen = () => document.body.innerText.includes(name);
                        if (seen()) { resolve(Date.now()); return; }
                        const observer = new MutationObserver(() => { if (seen()) { observer.disconnect(); resolve(Date.now()); } });
                        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
                    })
                    """, name);
                Interlocked.Exchange(ref committedAt, 0);
                world.RenameInNotion(pages[i % pages.Count], name);
                await runner.PullAsync(new Hamgam.Core.Sync.Pull.PullRequest(Trigger: "bench"), cancellationToken, wait: true);
                if (await Task.WhenAny(appeared, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken)) == appeared && Interlocked.Read(ref committedAt) is > 0 and var committed)
                {
                    latencies.Add((await appeared - committed) / 1000.0);
                }
                else
                {
                    missed++;
                }
            }
        }
        finally
        {
            feed.Changed -= OnChanged;
        }

        return Latency("F5", "a change committed by a pull → visible in an open page", [.. latencies], 1, changes, missed,
            "Chromium on /tasks; from the pull's commit (the change feed) until a MutationObserver in the page sees the name");
    }

    /// <summary>Subscribes Hamgam's webhook endpoint in the emulator and verifies it with the token Hamgam kept, as a user does.</summary>
    private static async Task SubscribeAsync(LiveWorld world, CancellationToken cancellationToken)
    {
        var webhooks = world.Notion.Workspace.Webhooks;
        var subscription = await webhooks.SubscribeAsync(new Uri(world.BaseUrl + Hamgam.Web.Features.Webhooks.NotionWebhooksApi.Route), null, cancellationToken);
        var tokens = world.App.Services.GetRequiredService<Hamgam.Core.Settings.WebhookTokens>();
        if ((await tokens.GetAsync(cancellationToken)).Active is not { } token || !webhooks.Verify(subscription.Id, token))
        {
            throw new InvalidOperationException("The webhook subscription could not be verified.");
        }
    }

    private static List<Figure> Latency(string scenario, string name, double[] seconds, double target, int total, int missed, string how)
    {
        if (seconds.Length == 0)
        {
            return [Figure.NotRun(scenario, name, $"no change arrived within {Deadline.TotalSeconds:0} s ({missed} missed)")];
        }

        var p50 = LoadResult.Percentile(seconds, 0.5);
        var p95 = LoadResult.Percentile(seconds, 0.95);
        return
        [
            new(scenario, $"{name}: p95", missed > 0 ? Deadline.TotalSeconds : p95, "s", target, Judge.AtMost,
                Note: $"p50 {p50:0.00} s, p95 {p95:0.00} s, max {seconds.Max():0.00} s over {seconds.Length} of {total}" + (missed > 0 ? $"; {missed} not seen within {Deadline.TotalSeconds:0} s" : "") + $"; {how}"),
        ];
    }
}
