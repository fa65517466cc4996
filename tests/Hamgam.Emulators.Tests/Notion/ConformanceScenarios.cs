using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Tests.Notion;

/// <summary>For each recording: create equivalent data, then replay the recorded request.</summary>
internal static class ConformanceScenarios
{
    private static readonly JsonObject TitleOnly = new() { ["Name"] = new JsonObject { ["title"] = new JsonObject() } };

    public static async Task<NotionReply> RunAsync(string file, ConformanceContext context, JsonObject entry)
    {
        var number = int.Parse(file[..2], System.Globalization.CultureInfo.InvariantCulture);
        switch (number)
        {
            case 1:
                var db = context.Workspace.CreateDatabase("Test Database", (JsonObject)TitleOnly.DeepClone());
                context.Map("e234cdc8-4ad2-4371-a97e-999a238bf8f5", db.DatabaseId);
                return await context.ReplayAsync(entry);
            case 2:
                await CreateViaApiAsync(context, "393abc1e-edcd-8179-9372-000bd163e729", TitleOnly, icon: new JsonObject { ["type"] = "emoji", ["emoji"] = "⚙️" });
                return await context.ReplayAsync(entry);
            case 3:
                context.Map("393abc1eedcd80f3813be205934558c6", context.Workspace.RootPageId);
                return await context.ReplayAsync(entry);
            case 5:
                context.Client.Token = "secret_not_the_right_token";
                return await context.ReplayAsync(entry);
            case 7:
                await CreateTaskDbAsync(context);
                return await context.ReplayAsync(entry);
            case 8 or 9 or 12:
                return await SchemaBAsync(context, entry, number);
            case 10 or 11:
                return await PaginationAsync(context, entry, number);
            case 13:
                return await AllTypesQueryAsync(context, entry);
            case 14 or 15:
                return await DateQueryAsync(context, entry);
            case 16 or 17:
                return await RelationAsync(context, entry, number);
            case 18 or 19:
                return await TaskUpdateAsync(context, entry, number);
            case 20 or 21:
                return await TrashAsync(context, entry, number);
            case 22:
                return await MentionsAsync(context, entry);
            default:
                return await context.ReplayAsync(entry);
        }
    }

    private static async Task<string> CreateViaApiAsync(ConformanceContext context, string recordedDataSourceId, JsonObject properties,
        JsonObject? icon = null, string? description = null, string title = "Data Source")
    {
        context.Client.Version = "2026-03-11";
        var body = new JsonObject
        {
            ["parent"] = new JsonObject { ["page_id"] = context.Workspace.RootPageId },
            ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = title } }),
            ["initial_data_source"] = new JsonObject { ["properties"] = properties.DeepClone() },
        };
        if (icon is not null)
        {
            body["icon"] = icon;
        }
        if (description is not null)
        {
            body["description"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = description } });
        }
        var reply = await context.Client.PostAsync("v1/databases", body);
        Assert.True((int)reply.Status == 200, reply.RawBody);
        return context.Map(recordedDataSourceId, reply.Object["data_sources"]![0]!["id"]!.GetValue<string>());
    }

    private static async Task<string> CreateTaskDbAsync(ConformanceContext context)
    {
        var recorded = RecordedData.Load("07_data_source_retrieve_task_db.v2026-03-11.json");
        return await CreateViaApiAsync(context, "3839ce7b-60a4-8148-99ed-000b1e2cf103", RecordedData.SchemaFromDataSource(recorded),
            description: "My personal task list of all the important stuff I have to do", title: "Task DB");
    }

    private static async Task<NotionReply> SchemaBAsync(ConformanceContext context, JsonObject entry, int number)
    {
        var target = context.Workspace.CreateDatabase("Related", (JsonObject)TitleOnly.DeepClone());
        context.Map("c4be9b3b-bf52-4e44-9da6-16649dac0f21", target.DataSourceId);
        context.Map("00000000-0000-4000-8000-000000000001", context.Workspace.RootPageId);
        var create = await context.ReplayAsync(RecordedData.ManifestEntry("09_database_create_initial_data_source.v2026-03-11.json"));
        if (number == 9)
        {
            return create;
        }
        var dataSourceId = context.Map("458a194e-6908-4035-b222-946d546e5610", create.Object["data_sources"]![0]!["id"]!.GetValue<string>());
        context.Workspace.UpdateDataSource(dataSourceId, new JsonObject
        {
            ["description"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "Actual interesting schema/db" } }),
        });
        if (number == 8)
        {
            return await context.ReplayAsync(entry);
        }
        context.Map("00000000-0000-4000-8000-0000000000fa", context.Workspace.AddUser("Adam Dangoor", "adam@example.com"));
        foreach (var related in new[] { "38c9ce7b-60a4-811b-b44c-d1e3c3f63f40", "38c9ce7b-60a4-8115-a712-d10ea87e020b" })
        {
            context.Map(related, context.Workspace.CreatePage(target.DataSourceId, new JsonObject())["id"]!.GetValue<string>());
        }
        context.Workspace.CreatePage(dataSourceId, new JsonObject());
        return await context.ReplayAsync(entry);
    }

    private static async Task<NotionReply> PaginationAsync(ConformanceContext context, JsonObject entry, int number)
    {
        var ids = context.Workspace.CreateDatabase("Pages", (JsonObject)TitleOnly.DeepClone());
        context.Map("8b12b4c6-6b39-4e47-a2af-fdfdd0a63c7a", ids.DataSourceId);
        for (var i = 1; i <= 110; i++)
        {
            context.Workspace.CreatePage(ids.DataSourceId, Title("Name", $"Page {i}"));
        }
        var first = await context.ReplayAsync(RecordedData.ManifestEntry("10_data_source_query_page1_has_more.v2026-03-11.json"));
        if (number == 10)
        {
            return first;
        }
        var body = entry["request_body"]!.DeepClone().AsObject();
        body["start_cursor"] = first.Object["next_cursor"]!.GetValue<string>();
        return await context.ReplayAsync(entry, body);
    }

    private static async Task<NotionReply> AllTypesQueryAsync(ConformanceContext context, JsonObject entry)
    {
        var recorded = RecordedData.Load("13_data_source_query_all_property_types.v2026-03-11.json");
        var pages = recorded["results"]!.AsArray().Select(p => p!.AsObject()).ToList();
        var dataSourceId = context.Workspace.CreateDatabase("All types", new JsonObject { ["Title"] = new JsonObject { ["title"] = new JsonObject() } }).DataSourceId;
        context.Workspace.UpdateDataSource(dataSourceId, new JsonObject { ["properties"] = RecordedData.SchemaFromPage(pages[0], dataSourceId) });
        context.Map("3839ce7b-60a4-802c-b152-000ba814957b", dataSourceId);
        foreach (var page in Enumerable.Reverse(pages))
        {
            // The recorded rows were written by the integration (a bot), so create them through the API.
            var created = await context.Client.PostAsync("v1/pages", new JsonObject
            {
                ["parent"] = new JsonObject { ["data_source_id"] = dataSourceId },
                ["properties"] = RecordedData.RequestFromPage(page, context.Mapped, context.Mapped),
            });
            Assert.True((int)created.Status == 200, created.RawBody);
        }
        return await context.ReplayAsync(entry);
    }

    private static async Task<NotionReply> DateQueryAsync(ConformanceContext context, JsonObject entry)
    {
        var recorded = RecordedData.Load("15_data_source_query_timestamp_last_edited.v2026-03-11.json");
        var pages = recorded["results"]!.AsArray().Select(p => p!.AsObject()).ToList();
        var ids = context.Workspace.CreateDatabase("Dates", (JsonObject)TitleOnly.DeepClone());
        context.Workspace.UpdateDataSource(ids.DataSourceId, new JsonObject { ["properties"] = RecordedData.SchemaFromPage(pages[0], ids.DataSourceId) });
        context.Map("e3631578-250e-4899-bddb-daf07de42f22", ids.DataSourceId);
        foreach (var page in Enumerable.Reverse(pages))
        {
            context.Workspace.CreatePage(ids.DataSourceId, RecordedData.RequestFromPage(page, context.Mapped, context.Mapped));
        }
        return await context.ReplayAsync(entry);
    }

    private static async Task<NotionReply> RelationAsync(ConformanceContext context, JsonObject entry, int number)
    {
        var items = context.Workspace.CreateDatabase("Items", (JsonObject)TitleOnly.DeepClone());
        var customers = context.Workspace.CreateDatabase("Customers", new JsonObject
        {
            ["Name"] = new JsonObject { ["title"] = new JsonObject() },
            ["Items Purchased"] = new JsonObject { ["relation"] = new JsonObject { ["data_source_id"] = items.DataSourceId, ["single_property"] = new JsonObject() } },
        });
        var related = Enumerable.Range(1, 30)
            .Select(i => (JsonNode)new JsonObject { ["id"] = context.Workspace.CreatePage(items.DataSourceId, Title("Name", $"Item {i}"))["id"]!.GetValue<string>() })
            .ToArray();
        var properties = Title("Name", "Customer 1");
        properties["Items Purchased"] = new JsonObject { ["relation"] = new JsonArray(related) };
        var customer = context.Workspace.CreatePage(customers.DataSourceId, properties);
        context.Map("38c9ce7b-60a4-8156-a1b7-cf948b230f66", customer["id"]!.GetValue<string>());
        if (number == 17)
        {
            context.Map("o_yF", customer["properties"]!["Items Purchased"]!["id"]!.GetValue<string>());
        }
        return await context.ReplayAsync(entry);
    }

    private static async Task<NotionReply> TaskUpdateAsync(ConformanceContext context, JsonObject entry, int number)
    {
        var dataSourceId = await CreateTaskDbAsync(context);
        var recorded = RecordedData.Load("18_page_update_status_by_name.v2026-03-11.json");
        var page = context.Workspace.CreatePage(dataSourceId, RecordedData.RequestFromPage(recorded, context.Mapped, context.Mapped));
        context.Map("3839ce7b60a481c8867af81fd71aa55c", page["id"]!.GetValue<string>());
        if (number == 19)
        {
            await context.ReplayAsync(RecordedData.ManifestEntry("18_page_update_status_by_name.v2026-03-11.json"));
        }
        return await context.ReplayAsync(entry);
    }

    private static async Task<NotionReply> TrashAsync(ConformanceContext context, JsonObject entry, int number)
    {
        var page = context.Workspace.CreatePage(new JsonObject
        {
            ["parent"] = new JsonObject { ["page_id"] = context.Workspace.RootPageId },
        });
        context.Map("38c9ce7b60a481f78448ec59a32591d5", page["id"]!.GetValue<string>());
        if (number == 21)
        {
            await context.ReplayAsync(RecordedData.ManifestEntry("20_page_trash.v2026-03-11.json"));
        }
        return await context.ReplayAsync(entry);
    }

    private static async Task<NotionReply> MentionsAsync(ConformanceContext context, JsonObject entry)
    {
        var recorded = RecordedData.Load("22_page_rich_text_100_elements_with_mentions.v2026-03-11.json");
        context.Map("00000000-0000-4000-8000-0000000000fa", context.Workspace.AddUser("Adam Dangoor", "adam@example.com"));
        var ids = context.Workspace.CreateDatabase("Mentions", new JsonObject
        {
            ["Name"] = new JsonObject { ["title"] = new JsonObject() },
            ["Description"] = new JsonObject { ["rich_text"] = new JsonObject() },
        });
        var page = context.Workspace.CreatePage(ids.DataSourceId, RecordedData.RequestFromPage(recorded, context.Mapped, context.Mapped));
        context.Map("38c9ce7b-60a4-81cd-a0c1-e95f9ee9c504", page["id"]!.GetValue<string>());
        return await context.ReplayAsync(entry);
    }

    private static JsonObject Title(string property, string text) => new()
    {
        [property] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = text } }) },
    };
}
