using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion;

namespace Hamgam.Bench;

/// <summary>What the child process tells the bench once its emulator is serving.</summary>
internal sealed record NotionHostReady(Uri BaseUrl, string Token, HamgamNotionDatabases Databases);

/// <summary>
/// The child process (<c>Hamgam.Bench --notion-host</c>): the Notion emulator with Hamgam's four databases, so the pages
/// it holds are not counted in the bench process's memory (P5 measures Hamgam's own process only). Prints
/// <c>ready {json}</c>, then answers one line per command on stdin: <c>seed COUNT END_AGO_SECONDS</c>,
/// <c>network realistic|off</c>, <c>quit</c> (end of input also quits).
/// </summary>
internal static class NotionHost
{
    public const string Verb = "--notion-host";
    public const string ReadyPrefix = "ready ";
    public const string Ok = "ok";

    public static async Task<int> RunAsync()
    {
        var clock = new ShiftingClock();
        // Notion's documented limit with the emulator's default burst; the latency is added to every API answer.
        var options = new NotionEmulatorOptions { Clock = clock, RateLimitEnabled = true, RequestsPerSecond = 3 };
        await using var emulator = await NotionEmulator.StartAsync(options);
        emulator.Faults.Latency = NotionWorld.Latency;
        var databases = HamgamSampleSchemas.CreateDatabases(emulator.Workspace);
        Console.WriteLine(ReadyPrefix + JsonSerializer.Serialize(new NotionHostReady(emulator.BaseUrl, options.Token, databases)));
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words)
            {
                case ["seed", var count, var endAgo]:
                    SeedTasks(emulator.Workspace, clock, databases, int.Parse(count, CultureInfo.InvariantCulture),
                        TimeSpan.FromSeconds(double.Parse(endAgo, CultureInfo.InvariantCulture)));
                    break;
                case ["network", var mode]:
                    var realistic = mode == "realistic";
                    emulator.Options.RateLimitEnabled = realistic;
                    emulator.Faults.Latency = realistic ? NotionWorld.Latency : TimeSpan.Zero;
                    break;
                case ["quit"]:
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"unknown command: {line}");
                    return 2;
            }

            Console.WriteLine(Ok);
        }

        return 0;
    }

    /// <summary>
    /// Creates <paramref name="count"/> open tasks directly in the workspace (no rate limit), 10 per minute of
    /// created_time (100,000 pages span about a week), the last one <paramref name="endAgo"/> before now.
    /// </summary>
    private static void SeedTasks(NotionWorkspace workspace, ShiftingClock clock, HamgamNotionDatabases databases, int count, TimeSpan endAgo)
    {
        string[] statuses = ["Not started", "In progress"];
        string[] levels = ["High", "Medium", "Low"];
        for (var i = 0; i < count; i++)
        {
            clock.Offset = -endAgo - TimeSpan.FromSeconds((count - 1 - i) * 6.0);
            workspace.CreatePage(databases.Tasks.DataSourceId, new JsonObject
            {
                ["Name"] = Title($"کار شماره {i} — bench task {i}"),
                ["Status"] = new JsonObject { ["status"] = new JsonObject { ["name"] = statuses[i % 2] } },
                ["Importance"] = new JsonObject { ["select"] = new JsonObject { ["name"] = levels[i % 3] } },
                ["Urgency"] = new JsonObject { ["select"] = new JsonObject { ["name"] = levels[(i / 3) % 3] } },
                ["Quick Win"] = new JsonObject { ["checkbox"] = i % 5 == 0 },
                ["Tags"] = new JsonObject { ["multi_select"] = new JsonArray(new JsonObject { ["name"] = "tag" + (i % 7) }) },
                ["Due Date"] = new JsonObject { ["date"] = new JsonObject { ["start"] = $"2026-12-{(i % 28) + 1:00}" } },
                ["Notes"] = new JsonObject { ["rich_text"] = RichText("یادداشت کوتاه برای سنجش " + i) },
            });
        }

        clock.Offset = TimeSpan.Zero;
    }

    private static JsonObject Title(string text) => new() { ["title"] = RichText(text) };

    private static JsonArray RichText(string text) =>
        [new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = text } }];
}
