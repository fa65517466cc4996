using System.Text.Json.Nodes;
using static Hamgam.Emulators.Tests.Notion.EmulatorHarness;

namespace Hamgam.Emulators.Tests.Notion;

/// <summary><c>POST /v1/pages/{id}/move</c> and its inspection twin.</summary>
public sealed class MovePageTests
{
    [Fact]
    public async Task Move_ToAnotherDataSource_LeavesTheOldQueriesAndKeepsMatchingValues()
    {
        await using var h = await StartAsync();
        var from = h.CreateTasks();
        var to = h.Workspace.CreateDatabase("Archive", new JsonObject
        {
            ["Title"] = new JsonObject { ["title"] = new JsonObject() },
            ["Notes"] = new JsonObject { ["rich_text"] = new JsonObject() },
        }).DataSourceId;
        var page = h.AddTask(from, "جابه‌جا", p => p["Notes"] = new JsonObject { ["rich_text"] = RichText("یادداشت") });
        h.Clock.Advance(TimeSpan.FromMinutes(3));

        var reply = await h.Client.PostAsync($"v1/pages/{page.Replace("-", string.Empty, StringComparison.Ordinal)}/move",
            new JsonObject { ["parent"] = new JsonObject { ["type"] = "data_source_id", ["data_source_id"] = to } });

        Assert.True((int)reply.Status == 200, reply.RawBody);
        var moved = reply.Object;
        Assert.Equal(to, moved["parent"]!["data_source_id"]!.GetValue<string>());
        Assert.Equal("جابه‌جا", moved["properties"]!["Title"]!["title"]![0]!["plain_text"]!.GetValue<string>());
        Assert.Equal("یادداشت", moved["properties"]!["Notes"]!["rich_text"]![0]!["plain_text"]!.GetValue<string>());
        Assert.Equal("2026-07-01T10:18:00.000Z", moved["last_edited_time"]!.GetValue<string>());
        Assert.Empty((await h.QueryAsync(from))["results"]!.AsArray());
        Assert.Equal([page], (await h.QueryAsync(to))["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Move_ToAPage_KeepsOnlyTheTitle()
    {
        await using var h = await StartAsync();
        var from = h.CreateTasks();
        var page = h.AddTask(from, "Loose", p => p["Counter"] = new JsonObject { ["number"] = 3 });

        var reply = await h.Client.PostAsync($"v1/pages/{page}/move",
            new JsonObject { ["parent"] = new JsonObject { ["page_id"] = h.Workspace.RootPageId } });

        Assert.True((int)reply.Status == 200, reply.RawBody);
        Assert.Equal("page_id", reply.Object["parent"]!["type"]!.GetValue<string>());
        Assert.Equal(["title"], reply.Object["properties"]!.AsObject().Select(p => p.Key));
        Assert.Empty((await h.QueryAsync(from))["results"]!.AsArray());
    }

    [Fact]
    public async Task Move_ThroughTheInspectionApi_IsAnOwnerEdit()
    {
        await using var h = await StartAsync();
        var from = h.CreateTasks();
        var to = h.CreateTasks();
        var page = h.AddTask(from, "by hand");
        using var http = h.InspectionClient();

        using var response = await http.PostAsync(new Uri($"_emulator/notion/pages/{page}/move", UriKind.Relative),
            new StringContent(new JsonObject { ["parent"] = new JsonObject { ["data_source_id"] = to } }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(200, (int)response.StatusCode);
        var moved = h.Workspace.GetPage(page)!;
        Assert.Equal(to, moved["parent"]!["data_source_id"]!.GetValue<string>());
        Assert.Equal(h.Workspace.OwnerUserId, moved["last_edited_by"]!["id"]!.GetValue<string>());
        Assert.Equal(0, h.Emulator.RequestCount);
    }

    [Fact]
    public async Task Move_ThenPersisted_LoadsBackUnderTheNewParent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"notion-move-{Guid.NewGuid():N}.json");
        try
        {
            string from;
            string to;
            string row;
            string loose;
            await using (var first = await StartAsync(o => o.PersistPath = path))
            {
                from = first.CreateTasks();
                to = first.CreateTasks();
                row = first.AddTask(from, "row");
                loose = first.AddTask(from, "loose");
                first.Workspace.MovePage(row, new JsonObject { ["parent"] = new JsonObject { ["data_source_id"] = to } });
                first.Workspace.MovePage(loose, new JsonObject { ["parent"] = new JsonObject { ["page_id"] = first.Workspace.RootPageId } });
            }
            await using var second = await StartAsync(o => o.PersistPath = path);

            Assert.Empty(await second.QueryNamesAsync(from));
            Assert.Equal(["row"], await second.QueryNamesAsync(to));
            Assert.Equal("page_id", second.Workspace.GetPage(loose)!["parent"]!["type"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{}""", "body failed validation: body.parent should be defined, instead was `undefined`.")]
    [InlineData("""{"parent":{"type":"data_source_id"}}""", "body failed validation: body.parent.page_id should be defined, instead was `undefined`.")]
    [InlineData("""{"parent":{"data_source_id":"nope"}}""", "body failed validation: body.parent.data_source_id should be a valid uuid, instead was `\"nope\"`.")]
    public async Task Move_BadParent_Returns400(string body, string message)
    {
        await using var h = await StartAsync();
        var page = h.AddTask(h.CreateTasks(), "x");

        var reply = await h.Client.PostAsync($"v1/pages/{page}/move", JsonNode.Parse(body));

        Assert.Equal(400, (int)reply.Status);
        Assert.Equal(message, reply.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Move_TrashedPageOrIntoItself_IsRefused()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var trashed = h.AddTask(ds, "trashed");
        h.Workspace.TrashPage(trashed);
        var standalone = h.Workspace.CreatePage(new JsonObject
        {
            ["parent"] = new JsonObject { ["page_id"] = h.Workspace.RootPageId },
            ["properties"] = new JsonObject { ["title"] = Title("parent") },
        })["id"]!.GetValue<string>();

        var moveTrashed = await h.Client.PostAsync($"v1/pages/{trashed}/move", new JsonObject { ["parent"] = new JsonObject { ["page_id"] = standalone } });
        var intoItself = await h.Client.PostAsync($"v1/pages/{standalone}/move", new JsonObject { ["parent"] = new JsonObject { ["page_id"] = standalone } });
        var unknownTarget = await h.Client.PostAsync($"v1/pages/{standalone}/move",
            new JsonObject { ["parent"] = new JsonObject { ["data_source_id"] = "00000000-0000-4000-8000-000000000000" } });

        Assert.Equal(400, (int)moveTrashed.Status);
        Assert.Equal(400, (int)intoItself.Status);
        Assert.Equal(404, (int)unknownTarget.Status);
        Assert.Equal("object_not_found", unknownTarget.Object["code"]!.GetValue<string>());
    }
}
