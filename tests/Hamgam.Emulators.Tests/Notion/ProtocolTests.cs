using System.Text.Json.Nodes;
using static Hamgam.Emulators.Tests.Notion.EmulatorHarness;

namespace Hamgam.Emulators.Tests.Notion;

public sealed class ProtocolTests
{
    [Fact]
    public async Task Request_MissingVersion_Returns400MissingVersion()
    {
        await using var h = await StartAsync();
        h.Client.Version = null;

        var reply = await h.Client.GetAsync("v1/users/me");

        Assert.Equal(400, (int)reply.Status);
        Assert.Equal("missing_version", reply.Object["code"]!.GetValue<string>());
        Assert.Equal("Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.", reply.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_UnknownVersion_Returns400ListingKnownVersions()
    {
        await using var h = await StartAsync();
        h.Client.Version = "2099-01-01";

        var reply = await h.Client.GetAsync("v1/users/me");

        Assert.Equal(400, (int)reply.Status);
        Assert.Contains("\"2025-09-03\", or \"2026-03-11\", instead was `\"2099-01-01\"`.", reply.Object["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_BadToken_Returns401()
    {
        await using var h = await StartAsync();
        h.Client.Token = "ntn_wrong";

        var reply = await h.Client.GetAsync("v1/users/me");

        Assert.Equal(401, (int)reply.Status);
        Assert.Equal("API token is invalid.", reply.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task DataSources_UnderOldVersion_ReturnInvalidRequestUrl()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        h.Client.Version = "2022-06-28";

        var reply = await h.Client.GetAsync($"v1/data_sources/{ds}");

        Assert.Equal(400, (int)reply.Status);
        Assert.Equal("invalid_request_url", reply.Object["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task LegacyDatabaseQuery_Under20220628_AnswersInTheOldShape()
    {
        await using var h = await StartAsync();
        var ids = h.Workspace.CreateDatabase("Tasks", new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonObject() } });
        h.Workspace.CreatePage(ids.DataSourceId, new JsonObject { ["Name"] = Title("Old") });
        h.Client.Version = "2022-06-28";

        var legacy = await h.Client.PostAsync($"v1/databases/{ids.DatabaseId}/query", new JsonObject());
        h.Client.Version = "2026-03-11";
        var current = await h.Client.PostAsync($"v1/databases/{ids.DatabaseId}/query", new JsonObject());

        Assert.Equal("page_or_database", legacy.Object["type"]!.GetValue<string>());
        var page = legacy.Object["results"]![0]!;
        Assert.Equal("""{"type":"database_id","database_id":"X"}""".Replace("X", ids.DatabaseId, StringComparison.Ordinal), page["parent"]!.ToJsonString());
        Assert.False(page["archived"]!.GetValue<bool>());
        Assert.Equal("invalid_request_url", current.Object["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pages_ArchivedKey_PresentOnlyBefore20260311()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var id = h.AddTask(ds, "Versions");

        h.Client.Version = "2025-09-03";
        var old = await h.Client.GetAsync($"v1/pages/{id}");
        h.Client.Version = "2026-03-11";
        var current = await h.Client.GetAsync($"v1/pages/{id}");

        Assert.Equal("archived", old.Object.Reverse().Skip(1).First().Key);
        Assert.False(current.Object.ContainsKey("archived"));
    }

    [Fact]
    public async Task Ids_UndashedAccepted_MalformedRejectedUnknownNotFound()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var id = h.AddTask(ds, "Ids");

        var undashed = await h.Client.GetAsync($"v1/pages/{id.Replace("-", "", StringComparison.Ordinal)}");
        var malformed = await h.Client.GetAsync("v1/pages/not-a-uuid");
        var unknown = await h.Client.GetAsync("v1/pages/3839ce7b-60a4-81c8-867a-f81fd71aa55c");

        Assert.Equal(id, undashed.Object["id"]!.GetValue<string>());
        Assert.Equal("path failed validation: path.page_id should be a valid uuid, instead was `\"not-a-uuid\"`.", malformed.Object["message"]!.GetValue<string>());
        Assert.Equal(404, (int)unknown.Status);
        Assert.Equal(h.Workspace.BotUserId, unknown.Object["additional_data"]!["integration_id"]!.GetValue<string>());
        Assert.Equal(unknown.Object["request_id"]!.GetValue<string>(), unknown.Header("x-notion-request-id"));
    }

    [Fact]
    public async Task Timestamps_PagesRoundDownToMinute_DatabasesKeepMilliseconds()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var id = h.AddTask(ds, "Time");
        h.Clock.Advance(TimeSpan.FromMinutes(2));

        var updated = h.Workspace.UpdatePage(id, new JsonObject { ["properties"] = new JsonObject { ["Counter"] = new JsonObject { ["number"] = 1 } } });
        var database = await h.Client.GetAsync($"v1/databases/{h.Workspace.GetDataSource(ds)!["parent"]!["database_id"]!.GetValue<string>()}");

        Assert.Equal("2026-07-01T10:15:00.000Z", updated["created_time"]!.GetValue<string>());
        Assert.Equal("2026-07-01T10:17:00.000Z", updated["last_edited_time"]!.GetValue<string>());
        Assert.Equal("2026-07-01T10:15:42.000+00:00", database.Object["created_time"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownRoute_ReturnsInvalidRequestUrl()
    {
        await using var h = await StartAsync();

        var reply = await h.Client.GetAsync("v1/invalid");

        Assert.Equal("""{"object":"error","status":400,"code":"invalid_request_url","message":"Invalid request URL.","request_id":"X"}""",
            reply.RawBody.Replace(reply.Object["request_id"]!.GetValue<string>(), "X", StringComparison.Ordinal));
    }
}
