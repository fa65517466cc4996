using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion;
using Hamgam.Notion.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Notion.Tests;

/// <summary><see cref="SearchClient"/> and <see cref="PagesClient.MoveAsync"/>, against the emulator over loopback HTTP.</summary>
public sealed class SearchAndMoveTests
{
    [Fact]
    public async Task SearchAsync_TrashedPagesNewestFirst_FollowsCursorsAndKeepsTheParent()
    {
        await using var e = await EmulatedNotion.StartAsync();
        var ds = e.CreateDataSource("کارها");
        var trashed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = e.AddPage(ds, $"کار {i}");
            e.Clock.Advance(TimeSpan.FromMinutes(1));
            e.Emulator.Workspace.TrashPage(id);
            trashed.Add(id);
        }
        e.AddPage(ds, "زنده");
        var before = e.Emulator.RequestCount;

        var results = await e.Client.Search.SearchAsync(SearchRequest.TrashedPagesNewestFirst(pageSize: 2)).ToListAsync();

        Assert.Equal(3, e.Emulator.RequestCount - before);
        Assert.Equal(Enumerable.Reverse(trashed), results.Select(r => r.Id));
        Assert.All(results, r =>
        {
            Assert.Equal("page", r.Object);
            Assert.True(r.Page!.InTrash);
            Assert.Equal(ds, r.Page.Parent!.DataSourceId);
        });
        Assert.Equal("کار 4", results[0].Page!.Title);
    }

    [Fact]
    public async Task SearchPageAsync_DataSourcesAndQuery_ReadsDataSourceResults()
    {
        await using var e = await EmulatedNotion.StartAsync();
        var ds = e.CreateDataSource("Daily Log");
        e.CreateDataSource("Projects");

        var page = await e.Client.Search.SearchPageAsync(new SearchRequest { Query = "daily", ObjectKind = SearchObjectKind.DataSource });

        var result = Assert.Single(page.Results);
        Assert.Equal("data_source", result.Object);
        Assert.Equal(ds, result.DataSource!.Id);
        Assert.Null(result.Page);
        Assert.False(page.HasMore);
        Assert.NotNull(page.RequestId);
    }

    [Fact]
    public async Task SearchPageAsync_SendsTheBodyOfTheSdksSearchParameters()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(200, """
            {"object":"list","results":[{"object":"block","id":"b"}],"next_cursor":null,"has_more":false,"type":"page_or_data_source","page_or_data_source":{},"request_id":"r"}
            """);

        var page = await host.Client.Search.SearchPageAsync(SearchRequest.TrashedPagesNewestFirst(), "cursor-1");

        var request = Assert.Single(host.Server.Requests);
        Assert.Equal("/v1/search", request.PathAndQuery);
        Assert.Equal(
            """{"filter":{"property":"object","value":"page","in_trash":true},"sort":{"timestamp":"last_edited_time","direction":"descending"},"start_cursor":"cursor-1","page_size":100}""",
            request.Body);
        Assert.Equal("block", Assert.Single(page.Results).Object);
    }

    [Fact]
    public async Task MoveAsync_ToAnotherDataSource_LeavesTheOldQuery()
    {
        await using var e = await EmulatedNotion.StartAsync();
        var from = e.CreateDataSource("Tasks");
        var to = e.CreateDataSource("Someday");
        var id = e.AddPage(from, "روزی");

        var moved = await e.Client.Pages.MoveAsync(id, PageParent.DataSource(to));

        Assert.Equal(to, moved.Parent!.DataSourceId);
        Assert.Equal("روزی", moved.Title);
        Assert.Empty(await e.Client.DataSources.QueryAsync(from).ToListAsync());
        Assert.Equal([id], (await e.Client.DataSources.QueryAsync(to).ToListAsync()).Select(p => p.Id));
    }

    [Fact]
    public async Task MoveAsync_TrashedPage_ThrowsValidationError()
    {
        await using var e = await EmulatedNotion.StartAsync();
        var ds = e.CreateDataSource("Tasks");
        var id = e.AddPage(ds, "x");
        e.Emulator.Workspace.TrashPage(id);

        var ex = await Assert.ThrowsAsync<NotionApiException>(() => e.Client.Pages.MoveAsync(id, PageParent.Page(e.Emulator.Workspace.RootPageId)));

        Assert.Equal(400, ex.Status);
        Assert.Equal("validation_error", ex.Code);
    }

    private sealed class EmulatedNotion : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        private EmulatedNotion(NotionEmulator emulator, FakeTimeProvider clock)
        {
            Emulator = emulator;
            Clock = clock;
            var services = new ServiceCollection();
            services.AddNotionClient(o =>
            {
                o.BaseUrl = emulator.BaseUrl;
                o.Token = emulator.Options.Token;
            });
            _services = services.BuildServiceProvider();
        }

        public NotionEmulator Emulator { get; }

        public FakeTimeProvider Clock { get; }

        public NotionClient Client => _services.GetRequiredService<NotionClient>();

        public static async Task<EmulatedNotion> StartAsync()
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
            var emulator = await NotionEmulator.StartAsync(new NotionEmulatorOptions { Clock = clock, RateLimitEnabled = false });
            return new EmulatedNotion(emulator, clock);
        }

        public string CreateDataSource(string title) =>
            Emulator.Workspace.CreateDatabase(title, new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonObject() } }).DataSourceId;

        public string AddPage(string dataSourceId, string title) => Emulator.Workspace.CreatePage(dataSourceId, new JsonObject
        {
            ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = title } }) },
        })["id"]!.GetValue<string>();

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }
}
