using System.Text.Json.Nodes;
using static Hamgam.Emulators.Tests.Notion.EmulatorHarness;

namespace Hamgam.Emulators.Tests.Notion;

public sealed class QueryTests
{
    private static JsonObject Filter(string property, string type, string op, JsonNode? value) => new()
    {
        ["filter"] = new JsonObject { ["property"] = property, [type] = new JsonObject { [op] = value } },
    };

    private static async Task<(EmulatorHarness Harness, string DataSource)> SeedAsync()
    {
        var h = await StartAsync();
        var ds = h.CreateTasks();
        h.AddTask(ds, "Alpha", p =>
        {
            p["Status"] = new JsonObject { ["status"] = new JsonObject { ["name"] = "In progress" } };
            p["Importance"] = Select("High");
            p["Context"] = new JsonObject { ["multi_select"] = new JsonArray(Option("Home"), Option("Phone")) };
            p["Due Date"] = new JsonObject { ["date"] = new JsonObject { ["start"] = "2026-07-03" } };
            p["Quick Win"] = new JsonObject { ["checkbox"] = true };
            p["Counter"] = new JsonObject { ["number"] = 5 };
            p["Notes"] = new JsonObject { ["rich_text"] = RichText("Call the bank") };
        });
        h.Clock.Advance(TimeSpan.FromMinutes(3));
        h.AddTask(ds, "Beta", p =>
        {
            p["Importance"] = Select("Low");
            p["Context"] = new JsonObject { ["multi_select"] = new JsonArray(Option("Office")) };
            p["Due Date"] = new JsonObject { ["date"] = new JsonObject { ["start"] = "2026-07-01T09:30:00+03:30" } };
            p["Counter"] = new JsonObject { ["number"] = 12 };
        });
        h.Clock.Advance(TimeSpan.FromMinutes(3));
        h.AddTask(ds, "Gamma");
        return (h, ds);
    }

    [Theory]
    [InlineData("Status", "status", "equals", "\"In progress\"", "Alpha")]
    [InlineData("Status", "status", "equals", "\"Not started\"", "")]
    [InlineData("Importance", "select", "equals", "\"Low\"", "Beta")]
    [InlineData("Importance", "select", "does_not_equal", "\"High\"", "Gamma,Beta")]
    [InlineData("Importance", "select", "is_empty", "true", "Gamma")]
    [InlineData("Importance", "select", "is_not_empty", "true", "Beta,Alpha")]
    [InlineData("Importance", "select", "equals", "[\"High\",\"Low\"]", "Beta,Alpha")]
    [InlineData("Context", "multi_select", "contains", "\"Home\"", "Alpha")]
    [InlineData("Context", "multi_select", "does_not_contain", "\"Home\"", "Gamma,Beta")]
    [InlineData("Quick Win", "checkbox", "equals", "true", "Alpha")]
    [InlineData("Quick Win", "checkbox", "does_not_equal", "true", "Gamma,Beta")]
    [InlineData("Counter", "number", "greater_than", "6", "Beta")]
    [InlineData("Counter", "number", "less_than_or_equal_to", "5", "Alpha")]
    [InlineData("Due Date", "date", "before", "\"2026-07-02\"", "Beta")]
    [InlineData("Due Date", "date", "after", "\"2026-07-01\"", "Alpha")]
    [InlineData("Due Date", "date", "on_or_after", "\"2026-07-01T06:00:00Z\"", "Beta,Alpha")]
    [InlineData("Due Date", "date", "on_or_before", "\"2026-07-01T06:00:00Z\"", "Beta")]
    [InlineData("Due Date", "date", "equals", "\"2026-07-01\"", "Beta")]
    [InlineData("Due Date", "date", "past_week", "{}", "Beta")]
    [InlineData("Notes", "rich_text", "contains", "\"bank\"", "Alpha")]
    [InlineData("Name", "title", "starts_with", "\"gam\"", "Gamma")]
    public async Task QueryAsync_PropertyFilter_ReturnsMatchingPages(string property, string type, string op, string value, string expected)
    {
        var (h, ds) = await SeedAsync();
        await using var _ = h;

        var names = await h.QueryNamesAsync(ds, Filter(property, type, op, JsonNode.Parse(value)));

        Assert.Equal(expected, string.Join(",", names));
    }

    [Fact]
    public async Task QueryAsync_TimestampFilters_UseTheMinuteRoundedClock()
    {
        var (h, ds) = await SeedAsync();
        await using var _ = h;
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        h.Workspace.UpdatePage((await h.QueryAsync(ds, Filter("Name", "title", "equals", "Alpha")))["results"]![0]!["id"]!.GetValue<string>(),
            new JsonObject { ["properties"] = new JsonObject { ["Counter"] = new JsonObject { ["number"] = 6 } } });

        var edited = await h.QueryNamesAsync(ds, new JsonObject
        {
            ["filter"] = new JsonObject { ["timestamp"] = "last_edited_time", ["last_edited_time"] = new JsonObject { ["on_or_after"] = "2026-07-01T10:31:59Z" } },
        });
        var created = await h.QueryNamesAsync(ds, new JsonObject
        {
            ["filter"] = new JsonObject { ["timestamp"] = "created_time", ["created_time"] = new JsonObject { ["before"] = "2026-07-01T10:18:00Z" } },
        });

        Assert.Equal(["Alpha"], edited);
        Assert.Equal(["Alpha"], created);
    }

    [Fact]
    public async Task QueryAsync_CompoundFilterTwoLevels_IsAcceptedAndThreeLevelsRejected()
    {
        var (h, ds) = await SeedAsync();
        await using var _ = h;
        var leaf = JsonNode.Parse("""{"property":"Quick Win","checkbox":{"equals":true}}""")!;
        var two = new JsonObject { ["filter"] = new JsonObject { ["or"] = new JsonArray(leaf.DeepClone(), new JsonObject { ["and"] = new JsonArray(
            JsonNode.Parse("""{"property":"Importance","select":{"equals":"Low"}}"""), JsonNode.Parse("""{"property":"Counter","number":{"greater_than":10}}""")) }) } };
        var three = new JsonObject { ["filter"] = new JsonObject { ["and"] = new JsonArray(new JsonObject { ["or"] = new JsonArray(
            new JsonObject { ["and"] = new JsonArray(leaf.DeepClone()) }) }) } };

        Assert.Equal(["Beta", "Alpha"], await h.QueryNamesAsync(ds, two));
        var rejected = await h.Client.PostAsync($"v1/data_sources/{ds}/query", three);
        Assert.Equal(400, (int)rejected.Status);
        Assert.Equal("validation_error", rejected.Object["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"property":"Nope","checkbox":{"equals":true}}""", "Could not find property with name or id: Nope")]
    [InlineData("""{"property":"Importance","status":{"equals":"High"}}""", "database property select does not match filter status")]
    [InlineData("""{"property":"Counter","number":{"greater_than":"5"}}""", "body failed validation: body.filter.number.greater_than should be a number, instead was `\"5\"`.")]
    public async Task QueryAsync_InvalidFilter_Returns400ValidationError(string filter, string message)
    {
        var (h, ds) = await SeedAsync();
        await using var _ = h;

        var reply = await h.Client.PostAsync($"v1/data_sources/{ds}/query", new JsonObject { ["filter"] = JsonNode.Parse(filter) });

        Assert.Equal(400, (int)reply.Status);
        Assert.Equal("validation_error", reply.Object["code"]!.GetValue<string>());
        Assert.Equal(message, reply.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueryAsync_Sorts_OrderByPropertyOptionOrderAndTimestamp()
    {
        var (h, ds) = await SeedAsync();
        await using var _ = h;

        Assert.Equal(["Gamma", "Beta", "Alpha"], await h.QueryNamesAsync(ds));
        Assert.Equal(["Alpha", "Beta", "Gamma"], await h.QueryNamesAsync(ds, Sort("Counter", "ascending")));
        Assert.Equal(["Beta", "Alpha", "Gamma"], await h.QueryNamesAsync(ds, Sort("Counter", "descending")));
        Assert.Equal(["Alpha", "Beta", "Gamma"], await h.QueryNamesAsync(ds, Sort("Importance", "ascending")));
        Assert.Equal(["Alpha", "Beta", "Gamma"], await h.QueryNamesAsync(ds, new JsonObject
        {
            ["sorts"] = new JsonArray(new JsonObject { ["timestamp"] = "created_time", ["direction"] = "ascending" }),
        }));
    }

    private static JsonObject Sort(string property, string direction) => new()
    {
        ["sorts"] = new JsonArray(new JsonObject { ["property"] = property, ["direction"] = direction }),
    };

    [Fact]
    public async Task QueryAsync_TrashedPages_AreExcluded()
    {
        var (h, ds) = await SeedAsync();
        await using var _ = h;
        var beta = (await h.QueryAsync(ds, Filter("Name", "title", "equals", "Beta")))["results"]![0]!["id"]!.GetValue<string>();

        h.Workspace.TrashPage(beta);

        Assert.Equal(["Gamma", "Alpha"], await h.QueryNamesAsync(ds));
    }
}
