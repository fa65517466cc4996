using System.Text.Json.Nodes;
using static Hamgam.Emulators.Tests.Notion.EmulatorHarness;

namespace Hamgam.Emulators.Tests.Notion;

public sealed class PaginationTests
{
    [Fact]
    public async Task QueryAsync_FollowingCursors_ReturnsEveryPageOnceWithOpaqueCursor()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        for (var i = 0; i < 50; i++)
        {
            h.AddTask(ds, $"Task {i}");
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var body = new JsonObject { ["page_size"] = 7 };
            if (cursor is not null)
            {
                body["start_cursor"] = cursor;
            }
            var page = await h.QueryAsync(ds, body);
            seen.AddRange(page["results"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
            cursor = page["has_more"]!.GetValue<bool>() ? page["next_cursor"]!.GetValue<string>() : null;
            Assert.True(cursor is null || cursor.StartsWith($"s:{ds}:", StringComparison.Ordinal));
        }
        while (cursor is not null);

        Assert.Equal(50, seen.Distinct().Count());
        Assert.Equal(50, seen.Count);
    }

    [Theory]
    [InlineData(101, "body failed validation: body.page_size should be ≤ `100`, instead was `101`.")]
    [InlineData(0, "body failed validation: body.page_size should be ≥ `1`, instead was `0`.")]
    public async Task QueryAsync_PageSizeOutOfRange_Returns400(int size, string message)
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();

        var reply = await h.Client.PostAsync($"v1/data_sources/{ds}/query", new JsonObject { ["page_size"] = size });

        Assert.Equal(400, (int)reply.Status);
        Assert.Equal(message, reply.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueryAsync_InvalidCursor_Returns400()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();

        var reply = await h.Client.PostAsync($"v1/data_sources/{ds}/query", new JsonObject { ["start_cursor"] = "garbage" });

        Assert.Equal(400, (int)reply.Status);
        Assert.Equal("validation_error", reply.Object["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueryAsync_ResultCapReached_StopsWithIncompleteRequestStatus()
    {
        await using var h = await StartAsync(o => o.QueryResultCap = 30);
        var ds = h.CreateTasks();
        for (var i = 0; i < 50; i++)
        {
            h.AddTask(ds, $"Task {i}");
        }

        var first = await h.QueryAsync(ds, new JsonObject { ["page_size"] = 20 });
        var second = await h.QueryAsync(ds, new JsonObject { ["page_size"] = 20, ["start_cursor"] = first["next_cursor"]!.GetValue<string>() });

        Assert.False(first.ContainsKey("request_status"));
        Assert.Equal(10, second["results"]!.AsArray().Count);
        Assert.False(second["has_more"]!.GetValue<bool>());
        Assert.Null(second["next_cursor"]);
        Assert.Equal("""{"type":"incomplete","incomplete_reason":"query_result_limit_reached"}""", second["request_status"]!.ToJsonString());
        Assert.Equal("request_id", second.Last().Key);
    }

    [Fact]
    public async Task QueryAsync_FilterProperties_ReturnsOnlyThoseProperties()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        h.AddTask(ds, "Only");

        var reply = await h.Client.PostAsync($"v1/data_sources/{ds}/query?filter_properties=title&filter_properties=Counter", new JsonObject());

        var properties = reply.Object["results"]![0]!["properties"]!.AsObject().Select(kv => kv.Key).ToList();
        Assert.Equal(["Name", "Counter"], properties);
    }

    [Fact]
    public async Task PropertyItems_RelationOver25_PageObjectTruncatesAndEndpointPagesFullList()
    {
        await using var h = await StartAsync();
        var projects = h.Workspace.CreateDatabase("Projects", new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonObject() } });
        var tasks = h.Workspace.CreateDatabase("Tasks", new JsonObject
        {
            ["Name"] = new JsonObject { ["title"] = new JsonObject() },
            ["Project"] = new JsonObject { ["relation"] = new JsonObject { ["data_source_id"] = projects.DataSourceId, ["dual_property"] = new JsonObject() } },
        });
        var related = Enumerable.Range(0, 30).Select(i => h.Workspace.CreatePage(projects.DataSourceId, new JsonObject { ["Name"] = Title($"P{i}") })["id"]!.GetValue<string>()).ToList();
        var task = h.Workspace.CreatePage(tasks.DataSourceId, new JsonObject
        {
            ["Name"] = Title("Big"),
            ["Project"] = new JsonObject { ["relation"] = new JsonArray(related.Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray()) },
        });
        var taskId = task["id"]!.GetValue<string>();
        var propertyId = task["properties"]!["Project"]!["id"]!.GetValue<string>();

        var page = await h.Client.GetAsync($"v1/pages/{taskId.Replace("-", "", StringComparison.Ordinal)}");
        var items = new List<string>();
        string? cursor = null;
        var requests = 0;
        do
        {
            var reply = await h.Client.GetAsync($"v1/pages/{taskId}/properties/{propertyId}?page_size=10" + (cursor is null ? "" : $"&start_cursor={cursor}"));
            requests++;
            Assert.Equal("property_item", reply.Object["type"]!.GetValue<string>());
            items.AddRange(reply.Object["results"]!.AsArray().Select(r => r!["relation"]!["id"]!.GetValue<string>()));
            cursor = reply.Object["has_more"]!.GetValue<bool>() ? reply.Object["next_cursor"]!.GetValue<string>() : null;
            Assert.Equal(cursor is not null, reply.Object["property_item"]!["next_url"] is not null);
        }
        while (cursor is not null);

        Assert.Equal(25, page.Object["properties"]!["Project"]!["relation"]!.AsArray().Count);
        Assert.True(page.Object["properties"]!["Project"]!["has_more"]!.GetValue<bool>());
        Assert.Equal(taskId, page.Object["id"]!.GetValue<string>());
        Assert.Equal(related, items);
        Assert.Equal(3, requests);
        var back = h.Workspace.GetPage(related[0])!["properties"]!.AsObject().Single(kv => kv.Value!["type"]!.GetValue<string>() == "relation");
        Assert.Equal(taskId, back.Value!["relation"]![0]!["id"]!.GetValue<string>());
    }
}
