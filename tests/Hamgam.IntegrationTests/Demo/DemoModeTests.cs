using System.Net.Http.Json;
using System.Text.Json;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Web.Infrastructure.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.IntegrationTests.Demo;

public sealed class DemoModeTests
{
    [Fact]
    public async Task Startup_NoNotionToken_ServesTheSeededSampleWorkspace()
    {
        await using var app = new HamgamAppFactory();
        app.Settings["Demo:Enabled"] = "true";
        using var client = app.CreateAuthorizedClient();

        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/tasks?pageSize=200");
        var projects = await client.GetFromJsonAsync<JsonElement>("/api/projects?pageSize=200");
        var habits = await client.GetFromJsonAsync<JsonElement>("/api/habits?pageSize=200");
        var logs = await client.GetFromJsonAsync<JsonElement>("/api/daily-logs?pageSize=200");

        Assert.Equal(DemoSeed.TaskCount, tasks.GetProperty("total").GetInt32());
        Assert.Equal(6, projects.GetProperty("total").GetInt32());
        Assert.Equal(8, habits.GetProperty("total").GetInt32());
        Assert.Equal(30, logs.GetProperty("total").GetInt32());
        var demo = app.Services.GetRequiredService<DemoWorkspace>();
        Assert.True(demo.IsActive);
        Assert.True(File.Exists(demo.Endpoints.KeyFile));
    }

    [Fact]
    public async Task Startup_DemoDisabled_StartsNoEmulator()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();

        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/tasks");

        Assert.Equal(0, tasks.GetProperty("total").GetInt32());
        Assert.False(app.Services.GetRequiredService<DemoWorkspace>().IsActive);
    }
}
