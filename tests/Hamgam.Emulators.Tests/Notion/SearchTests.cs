using System.Text.Json.Nodes;
using static Hamgam.Emulators.Tests.Notion.EmulatorHarness;

namespace Hamgam.Emulators.Tests.Notion;

/// <summary><c>POST /v1/search</c>: filters, the trash, sort, paging, validation, the rate limit and the indexing delay.</summary>
public sealed class SearchTests
{
    private static readonly JsonObject NewestFirst = new() { ["timestamp"] = "last_edited_time", ["direction"] = "descending" };

    [Fact]
    public async Task Search_InTrashFilter_ReturnsOnlyTrashedPagesWithTheirDataSourceParent()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var kept = h.AddTask(ds, "بماند");
        var trashed = h.AddTask(ds, "برود");
        h.Workspace.TrashPage(trashed);

        var inTrash = await SearchAsync(h, new JsonObject { ["filter"] = PageFilter(inTrash: true), ["sort"] = NewestFirst.DeepClone() });
        var shortForm = await SearchAsync(h, new JsonObject { ["filter"] = new JsonObject { ["in_trash"] = true } });
        var live = await SearchAsync(h, new JsonObject { ["filter"] = PageFilter(inTrash: false) });

        Assert.Equal([trashed], Ids(inTrash));
        Assert.Equal([trashed], Ids(shortForm));
        var hit = inTrash["results"]![0]!;
        Assert.True(hit["in_trash"]!.GetValue<bool>());
        Assert.Equal("data_source_id", hit["parent"]!["type"]!.GetValue<string>());
        Assert.Equal(ds, hit["parent"]!["data_source_id"]!.GetValue<string>());
        Assert.Contains(kept, Ids(live));
        Assert.DoesNotContain(trashed, Ids(live));
    }

    [Fact]
    public async Task Search_NoFilter_ListsPagesAndDataSourcesInTheListShape()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var task = h.AddTask(ds, "Task");

        var all = await SearchAsync(h, []);
        var pages = await SearchAsync(h, new JsonObject { ["filter"] = PageFilter() });
        var dataSources = await SearchAsync(h, new JsonObject { ["filter"] = new JsonObject { ["property"] = "object", ["value"] = "data_source" } });

        Assert.Equal("list", all["object"]!.GetValue<string>());
        Assert.Equal("page_or_data_source", all["type"]!.GetValue<string>());
        Assert.Equal("{}", all["page_or_data_source"]!.ToJsonString());
        Assert.False(all["has_more"]!.GetValue<bool>());
        Assert.Null(all["next_cursor"]);
        Assert.Contains(ds, Ids(all));
        Assert.Contains(task, Ids(all));
        Assert.All(pages["results"]!.AsArray(), r => Assert.Equal("page", r!["object"]!.GetValue<string>()));
        Assert.Equal([ds], Ids(dataSources));
        Assert.Equal("data_source", dataSources["results"]![0]!["object"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_Query_MatchesTitlesCaseInsensitivelyInAnyScript()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var persian = h.AddTask(ds, "خرید نان 🍞");
        var english = h.AddTask(ds, "Call the Bakery");
        h.AddTask(ds, "Something else");

        Assert.Equal([persian], Ids(await SearchAsync(h, new JsonObject { ["query"] = "نان", ["filter"] = PageFilter() })));
        Assert.Equal([english], Ids(await SearchAsync(h, new JsonObject { ["query"] = "bakery", ["filter"] = PageFilter() })));
    }

    [Fact]
    public async Task Search_SortByLastEditedTime_OrdersBothWays()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(h.AddTask(ds, $"t{i}"));
            h.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        h.Workspace.UpdatePage(ids[1], new JsonObject { ["properties"] = new JsonObject { ["Name"] = Title("t1 edited") } });

        var newest = Ids(await SearchAsync(h, new JsonObject { ["filter"] = PageFilter(), ["query"] = "t", ["sort"] = NewestFirst.DeepClone() }));
        var oldest = Ids(await SearchAsync(h, new JsonObject
        {
            ["filter"] = PageFilter(), ["query"] = "t",
            ["sort"] = new JsonObject { ["timestamp"] = "last_edited_time", ["direction"] = "ascending" },
        }));

        Assert.Equal([ids[1], ids[3], ids[2], ids[0]], newest);
        Assert.Equal([ids[0], ids[2], ids[3], ids[1]], oldest);
    }

    [Fact]
    public async Task Search_FollowingCursors_ReturnsEveryHitOnceEvenWhenAPageIsEditedMidway()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var ids = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(h.AddTask(ds, $"row {i}"));
            h.Clock.Advance(TimeSpan.FromSeconds(20));
        }

        var seen = new List<string>();
        var requests = 0;
        string? cursor = null;
        do
        {
            var body = new JsonObject { ["filter"] = PageFilter(), ["query"] = "row", ["page_size"] = 10, ["sort"] = NewestFirst.DeepClone() };
            if (cursor is not null)
            {
                body["start_cursor"] = cursor;
            }
            var page = await SearchAsync(h, body);
            requests++;
            seen.AddRange(Ids(page));
            cursor = page["has_more"]!.GetValue<bool>() ? page["next_cursor"]!.GetValue<string>() : null;
            // An edit moves a page to the front: already seen, it is not seen again.
            h.Workspace.UpdatePage(seen[0], new JsonObject { ["properties"] = new JsonObject { ["Counter"] = new JsonObject { ["number"] = requests } } });
        }
        while (cursor is not null);

        Assert.Equal(3, requests);
        Assert.Equal(25, seen.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"filter":{"property":"object","value":"database"}}""", "body failed validation: body.filter.value should be `\"page\"` or `\"data_source\"`, instead was `\"database\"`.")]
    [InlineData("""{"filter":{"property":"title","value":"page"}}""", "body failed validation: body.filter.property should be `\"object\"`, instead was `\"title\"`.")]
    [InlineData("""{"filter":{"in_trash":"yes"}}""", "body failed validation: body.filter.in_trash should be a boolean, instead was `\"yes\"`.")]
    [InlineData("""{"filter":{}}""", "body failed validation: body.filter.property should be defined, instead was `undefined`.")]
    [InlineData("""{"sort":{"timestamp":"created_time","direction":"descending"}}""", "body failed validation: body.sort.timestamp should be `\"last_edited_time\"`, instead was `\"created_time\"`.")]
    [InlineData("""{"sort":{"timestamp":"last_edited_time","direction":"down"}}""", "body failed validation: body.sort.direction should be `\"ascending\"` or `\"descending\"`, instead was `\"down\"`.")]
    [InlineData("""{"page_size":101}""", "body failed validation: body.page_size should be ≤ `100`, instead was `101`.")]
    [InlineData("""{"query":5}""", "body failed validation: body.query should be a string, instead was `5`.")]
    [InlineData("""{"start_cursor":"garbage"}""", "The start_cursor provided is invalid: garbage")]
    public async Task Search_UnsupportedBody_Returns400ValidationError(string body, string message)
    {
        await using var h = await StartAsync();

        var reply = await h.Client.PostAsync("v1/search", JsonNode.Parse(body));

        Assert.Equal(400, (int)reply.Status);
        Assert.Equal("validation_error", reply.Object["code"]!.GetValue<string>());
        Assert.Equal(message, reply.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_SharesTheTokensRateLimit()
    {
        await using var h = await StartAsync(o =>
        {
            o.RateLimitEnabled = true;
            o.Burst = 2;
        });

        Assert.Equal(200, (int)(await h.Client.GetAsync("v1/users/me")).Status);
        Assert.Equal(200, (int)(await h.Client.PostAsync("v1/search", new JsonObject())).Status);
        var limited = await h.Client.PostAsync("v1/search", new JsonObject());

        Assert.Equal(429, (int)limited.Status);
        Assert.Equal("rate_limited", limited.Object["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_WithIndexingDelay_LagsBehindTrashAndCreate()
    {
        await using var h = await StartAsync(o => o.SearchIndexingDelay = TimeSpan.FromSeconds(30));
        var ds = h.CreateTasks();
        var old = h.AddTask(ds, "old");
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        h.Workspace.TrashPage(old);
        var fresh = h.AddTask(ds, "fresh");
        var trashFilter = new JsonObject { ["filter"] = new JsonObject { ["in_trash"] = true } };

        var trashedAtOnce = Ids(await SearchAsync(h, trashFilter.DeepClone().AsObject()));
        var liveAtOnce = Ids(await SearchAsync(h, new JsonObject { ["filter"] = PageFilter() }));
        h.Clock.Advance(TimeSpan.FromSeconds(30));
        var trashedLater = Ids(await SearchAsync(h, trashFilter.DeepClone().AsObject()));
        var liveLater = Ids(await SearchAsync(h, new JsonObject { ["filter"] = PageFilter() }));

        Assert.Empty(trashedAtOnce);
        Assert.Contains(old, liveAtOnce);
        Assert.DoesNotContain(fresh, liveAtOnce);
        Assert.Equal([old], trashedLater);
        Assert.DoesNotContain(old, liveLater);
        Assert.Contains(fresh, liveLater);
    }

    internal static async Task<JsonObject> SearchAsync(EmulatorHarness h, JsonObject body)
    {
        var reply = await h.Client.PostAsync("v1/search", body);
        Assert.True((int)reply.Status == 200, reply.RawBody);
        return reply.Object;
    }

    internal static List<string> Ids(JsonObject list) => list["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();

    private static JsonObject PageFilter(bool? inTrash = null)
    {
        var filter = new JsonObject { ["property"] = "object", ["value"] = "page" };
        if (inTrash is { } value)
        {
            filter["in_trash"] = value;
        }
        return filter;
    }
}
