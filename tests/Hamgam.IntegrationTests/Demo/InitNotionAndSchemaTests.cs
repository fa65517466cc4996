using System.Text.Json.Nodes;
using Hamgam.IntegrationTests.Cli;
using Hamgam.Web.Cli;

namespace Hamgam.IntegrationTests.Demo;

[Collection(CliCollection.Name)]
public sealed class InitNotionAndSchemaTests
{
    [Fact]
    public async Task InitNotion_UnderRootPage_CreatesFourDatabasesThatPassTheSchemaCheck()
    {
        await using var h = await CliHarness.CreateAsync();
        var url = $"https://www.notion.so/Hamgam-{h.Notion.Workspace.RootPageId.Replace("-", "", StringComparison.Ordinal)}";

        var (exit, output) = await h.RunAsync("init-notion", "--parent-page", url);

        Assert.Equal(HamgamCli.Ok, exit);
        var lines = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Notion__Databases__", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, lines.Count);
        foreach (var line in lines)
        {
            var (key, value) = (line[..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            h.Settings[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        var (statusExit, status) = await h.RunAsync("status");
        Assert.Equal(HamgamCli.Ok, statusExit);
        Assert.DoesNotContain("error:", status, StringComparison.Ordinal);
        Assert.Equal(8, h.Notion.Workspace.ListDataSources().Count);
    }

    [Fact]
    public async Task Status_DatabaseWithWrongTypesAndMissingProperties_SaysWhatIsWrongAndWhatToDo()
    {
        await using var h = await CliHarness.CreateAsync();
        var bad = h.Notion.Workspace.CreateDatabase("My tasks", new JsonObject
        {
            ["Name"] = new JsonObject { ["title"] = new JsonObject() },
            ["Status"] = new JsonObject { ["status"] = new JsonObject() },
            ["Energy Level"] = new JsonObject { ["number"] = new JsonObject() },
        });
        h.Settings["Notion:Databases:Tasks"] = bad.DatabaseId;

        var (exit, output) = await h.RunAsync("status");

        Assert.Equal(HamgamCli.Failed, exit);
        Assert.Contains("'Energy Level' is a number; it must be a select.", output, StringComparison.Ordinal);
        Assert.Contains("'Quick Win' is missing: add a checkbox property named 'Quick Win'", output, StringComparison.Ordinal);
        Assert.Contains("'Status' is a status property; Hamgam supports it", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WrongTokenOrUnsharedDatabase_SaysWhatToDo()
    {
        await using var h = await CliHarness.CreateAsync();
        h.Settings["Notion:Databases:Habits"] = Guid.NewGuid().ToString("N");

        var (_, unshared) = await h.RunAsync("status");
        h.Settings["Notion:Token"] = "secret_wrong";
        var (exit, wrongToken) = await h.RunAsync("status");

        Assert.Contains("is not shared with the integration (or the id is wrong): open the database in Notion → ••• → Connections → add your integration", unshared, StringComparison.Ordinal);
        Assert.Equal(HamgamCli.Failed, exit);
        Assert.Contains("The token is not valid: create a new internal integration token", wrongToken, StringComparison.Ordinal);
    }
}
