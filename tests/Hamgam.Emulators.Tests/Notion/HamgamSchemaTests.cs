using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion;
using static Hamgam.Emulators.Tests.Notion.EmulatorHarness;

namespace Hamgam.Emulators.Tests.Notion;

public sealed class HamgamSchemaTests
{
    [Theory]
    [InlineData(true, "status")]
    [InlineData(false, "select")]
    public async Task CreateDatabases_FourHamgamDatabases_AcceptEveryFieldThroughTheApi(bool asStatus, string statusType)
    {
        await using var h = await StartAsync();
        var dbs = HamgamSampleSchemas.CreateDatabases(h.Workspace, asStatus);
        var project = h.Workspace.CreatePage(dbs.Projects.DataSourceId, new JsonObject { ["Name"] = Title("پروژه") })["id"]!.GetValue<string>();

        var reply = await h.Client.PostAsync("v1/pages", JsonNode.Parse($$$"""
            {"parent":{"data_source_id":"{{{dbs.Tasks.DataSourceId}}}"},"properties":{
              "Name":{"title":[{"text":{"content":"خرید"}}]},
              "Status":{"{{{statusType}}}":{"name":"In progress"}},
              "Context":{"multi_select":[{"name":"@home"}]},
              "Energy Level":{"select":{"name":"Low"}}, "Importance":{"select":{"name":"High"}}, "Urgency":{"select":{"name":"Low"}},
              "Estimated Time":{"select":{"name":"15 min"}}, "Due Date":{"date":{"start":"2026-07-02"}},
              "Scheduled For":{"date":{"start":"2026-07-01T09:00:00+03:30"}}, "Completed Date":{"date":null},
              "Quick Win":{"checkbox":true}, "Tags":{"multi_select":[]}, "Category":{"select":null}, "Type":{"select":{"name":"Task"}},
              "Notes":{"rich_text":[{"text":{"content":"یادداشت"}}]}, "Is Recurring":{"checkbox":false}, "Recurring Type":{"select":null},
              "Related Project":{"relation":[{"id":"{{{project}}}"}]}
            }}
            """));
        var inProgress = await h.QueryAsync(dbs.Tasks.DataSourceId, JsonNode.Parse($$$"""
            {"filter":{"and":[{"property":"Status","{{{statusType}}}":{"equals":"In progress"}},{"property":"Related Project","relation":{"contains":"{{{project}}}"}}]}}
            """)!.AsObject());

        Assert.True((int)reply.Status == 200, reply.RawBody);
        Assert.Single(inProgress["results"]!.AsArray());
        Assert.Equal(statusType, h.Workspace.GetDataSource(dbs.Tasks.DataSourceId)!["properties"]!["Status"]!["type"]!.GetValue<string>());
        Assert.Equal(13, h.Workspace.GetDataSource(dbs.DailyLogs.DataSourceId)!["properties"]!.AsObject().Count);
        Assert.Equal(9, h.Workspace.GetDataSource(dbs.Habits.DataSourceId)!["properties"]!.AsObject().Count);
    }
}
