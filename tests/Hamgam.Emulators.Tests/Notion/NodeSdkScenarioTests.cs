using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion;

namespace Hamgam.Emulators.Tests.Notion;

/// <summary>The official @notionhq/client 5.x runs a full scenario against the emulator; we assert what it saw.</summary>
public sealed class NodeSdkScenarioTests
{
    [Fact]
    public async Task OfficialSdk_FullScenario_SeesWhatTheRealApiGives()
    {
        await NodeProcess.EnsureInstalledAsync();
        await using var emulator = await NotionEmulator.StartAsync(new NotionEmulatorOptions { RequestsPerSecond = 3, Burst = 400 });

        var (exit, output, error) = await NodeProcess.RunAsync("node", ["scenario.mjs"], new Dictionary<string, string>
        {
            ["NOTION_BASE_URL"] = emulator.BaseUrl.ToString(),
            ["NOTION_TOKEN"] = emulator.Options.Token,
            ["NOTION_ROOT_PAGE_ID"] = emulator.Workspace.RootPageId,
        }, TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"node exited {exit}:\n{error}\n{output}");
        var s = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        Assert.Equal("bot", (string?)s["me"]!["type"]);
        Assert.Equal(120, (int)s["created"]!);
        AssertFirstTask(s["firstTask"]!);
        Assert.Equal(120, (int)s["queryAll"]!["count"]!);
        Assert.Equal(120, (int)s["queryAll"]!["distinct"]!);
        Assert.Equal(5, (int)s["queryAll"]!["requests"]!);
        AssertFilters(s["filters"]!);
        Assert.Equal(["Name"], s["filterProperties"]!.AsArray().Select(n => (string?)n));
        AssertUpdateAndTrash(s);
        Assert.Equal(25, (int)s["relation"]!["shown"]!);
        Assert.True((bool)s["relation"]!["hasMore"]!);
        Assert.Equal(30, (int)s["relation"]!["full"]!);
        Assert.Equal(30, (int)s["relation"]!["distinct"]!);
        AssertErrors(s);
        AssertSearch(s["search"]!);
    }

    private static void AssertSearch(JsonNode search)
    {
        Assert.Equal("list", (string?)search["object"]);
        Assert.Equal("page_or_data_source", (string?)search["type"]);
        Assert.Equal("{}", (string?)search["typeObject"]);
        Assert.Equal([(string?)search["expectedTrashId"]], search["trashIds"]!.AsArray().Select(n => (string?)n));
        Assert.True((bool)search["trashInTrash"]!);
        Assert.True((bool)search["trashParentIsTasks"]!);
        Assert.Equal(1, (int)search["shortCount"]!);
        // "Task 1", "Task 10"–"Task 19" and "Task 100"–"Task 119", across eleven requests of three.
        Assert.Equal(31, (int)search["byTitle"]!);
        Assert.Equal(31, (int)search["byTitleDistinct"]!);
        Assert.Equal(["data_source"], search["dataSourceObjects"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(2, (int)search["dataSourceCount"]!);
        Assert.Equal(400, (int)search["badFilter"]!["status"]!);
        Assert.Equal("validation_error", (string?)search["badFilter"]!["code"]);
        Assert.Equal("validation_error", (string?)search["badSort"]!["code"]);
        Assert.True((bool)search["movedParentIsProjects"]!);
        Assert.Equal(118, (int)search["countAfterMove"]!);
    }

    private static void AssertFirstTask(JsonNode task)
    {
        Assert.Equal("page", (string?)task["object"]);
        Assert.Equal("data_source_id", (string?)task["parentType"]);
        Assert.EndsWith(":00.000Z", (string?)task["createdTime"], StringComparison.Ordinal);
        Assert.Equal("Not started", (string?)task["statusName"]);
        Assert.True((bool)task["errandCreated"]!);
        Assert.Equal(25, (int)task["relationShown"]!);
        Assert.True((bool)task["relationHasMore"]!);
        Assert.True((bool)task["bold"]!);
        Assert.Equal("note 0", (string?)task["plainText"]);
        Assert.Equal("""{"start":"2026-07-01","end":null,"time_zone":null}""", task["date"]!.ToJsonString());
    }

    private static void AssertFilters(JsonNode filters)
    {
        Assert.Equal(40, (int)filters["inProgress"]!);
        Assert.Equal(12, (int)filters["quickHome"]!);
        Assert.Equal(36, (int)filters["dueLate"]!);
        Assert.Equal(31, (int)filters["notes"]!);
        Assert.Equal(120, (int)filters["recent"]!);
        Assert.True((bool)filters["sortedAscending"]!);
        Assert.Equal(120, (int)filters["sortedCount"]!);
    }

    private static void AssertUpdateAndTrash(JsonNode s)
    {
        Assert.Equal("Done", (string?)s["update"]!["status"]);
        Assert.Null(s["update"]!["estimate"]);
        Assert.Equal(0, (int)s["update"]!["notes"]!);
        var trash = s["trash"]!;
        Assert.True((bool)trash["inTrash"]!);
        Assert.False((bool)trash["hasArchivedKey"]!);
        Assert.Equal(119, (int)trash["countAfterTrash"]!);
        Assert.Equal(400, (int)trash["updateTrashed"]!["status"]!);
        Assert.Equal("validation_error", (string?)trash["updateTrashed"]!["code"]);
        Assert.False((bool)trash["restored"]!);
        Assert.Equal(120, (int)trash["countAfterRestore"]!);
    }

    private static void AssertErrors(JsonNode s)
    {
        Assert.Equal(400, (int)s["badFilter"]!["status"]!);
        Assert.Equal("validation_error", (string?)s["badFilter"]!["code"]);
        Assert.Equal("Could not find property with name or id: Nope", (string?)s["badFilter"]!["message"]);
        Assert.NotNull((string?)s["badFilter"]!["request_id"]);
        Assert.Equal("validation_error", (string?)s["badStatus"]!["code"]);
        Assert.Equal(404, (int)s["notFound"]!["status"]!);
        Assert.Equal("object_not_found", (string?)s["notFound"]!["code"]);
        Assert.Equal(429, (int)s["rateLimited"]!["status"]!);
        Assert.Equal("rate_limited", (string?)s["rateLimited"]!["code"]);
        Assert.True(int.Parse((string)s["rateLimited"]!["retry_after"]!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
