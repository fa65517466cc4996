using System.Text.Json.Nodes;
using Hamgam.Notion.Tests.Support;

namespace Hamgam.Notion.Tests;

public sealed class PagingTests
{
    private const string DataSourceId = "8b12b4c6-6b39-4e47-a2af-fdfdd0a63c7a";

    [Fact]
    public async Task QueryAsync_TwoRecordedPages_FollowsNextCursorToTheEnd()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(200, Conformance.ReadPrefixed("10"));
        host.Server.Enqueue(200, Conformance.ReadPrefixed("11"));

        var pages = await host.Client.DataSources.QueryAsync(DataSourceId, new DataSourceQuery { PageSize = 100 }).ToListAsync();

        Assert.Equal(110, pages.Count);
        Assert.Equal(110, pages.Select(p => p.Id).Distinct().Count());
        Assert.Equal("Page 110", pages[0].Title);
        var requests = host.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Null(JsonNode.Parse(requests[0].Body)!["start_cursor"]);
        Assert.Equal("s:bd8bd80a-3672-46ea-97fc-89523fd866d9:38c9ce7b-60a4-817c-8a8f-db641a44776a",
            JsonNode.Parse(requests[1].Body)!["start_cursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueryAsync_FilterProperties_GoInTheQueryStringDecoded()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(200, Conformance.ReadPrefixed("11"));

        await host.Client.DataSources.QueryAsync(DataSourceId, new DataSourceQuery { FilterProperties = ["title", "U%60%3BC"] }).ToListAsync();

        Assert.Equal($"/v1/data_sources/{DataSourceId}/query?filter_properties=title&filter_properties=U%60%3BC",
            Assert.Single(host.Server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task QueryPageAsync_ResultLimitReached_ReportsIncomplete()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(200, """
            {"object":"list","results":[],"next_cursor":null,"has_more":false,"type":"page_or_data_source","page_or_data_source":{},
             "request_status":{"type":"incomplete","incomplete_reason":"query_result_limit_reached"},"request_id":"r1"}
            """);

        var page = await host.Client.DataSources.QueryPageAsync(DataSourceId, new DataSourceQuery());

        Assert.True(page.Incomplete);
        Assert.False(page.HasMore);
        Assert.Equal("r1", page.RequestId);
    }

    [Fact]
    public async Task GetRelationIdsAsync_TwoPages_ReturnsEveryId()
    {
        await using var host = await NotionTestHost.StartAsync();
        var recorded = JsonNode.Parse(Conformance.ReadPrefixed("17"))!;
        var all = recorded["results"]!.AsArray().Select(r => r!["relation"]!["id"]!.GetValue<string>()).ToList();
        var first = recorded.DeepClone();
        first["has_more"] = true;
        first["next_cursor"] = "cursor-2";
        var firstResults = first["results"]!.AsArray();
        while (firstResults.Count > 20)
        {
            firstResults.RemoveAt(20);
        }

        var second = recorded.DeepClone();
        var secondResults = second["results"]!.AsArray();
        for (var i = 0; i < 20; i++)
        {
            secondResults.RemoveAt(0);
        }

        host.Server.Enqueue(200, first.ToJsonString());
        host.Server.Enqueue(200, second.ToJsonString());

        var ids = await host.Client.Pages.GetRelationIdsAsync("38c9ce7b-60a4-8156-a1b7-cf948b230f66", "o_yF").ToListAsync();

        Assert.Equal(30, all.Count);
        Assert.Equal(all, ids);
        Assert.Equal("/v1/pages/38c9ce7b-60a4-8156-a1b7-cf948b230f66/properties/o_yF?page_size=100&start_cursor=cursor-2",
            host.Server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task GetPropertyItemsAsync_SingleItem_YieldsIt()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(200, """{"object":"property_item","id":"%5Di%3BB","type":"number","number":42}""");

        var item = Assert.Single(await host.Client.Pages.GetPropertyItemsAsync("p1", "%5Di%3BB").ToListAsync());

        Assert.Equal(42m, Assert.IsType<NumberValue>(item.AsPropertyValue()).Number);
        Assert.Equal("/v1/pages/p1/properties/%5Di%3BB?page_size=100", Assert.Single(host.Server.Requests).PathAndQuery);
    }
}
