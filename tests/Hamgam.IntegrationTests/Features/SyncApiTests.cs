using System.Text.Json;
using Hamgam.IntegrationTests.Infrastructure;

namespace Hamgam.IntegrationTests.Features;

public sealed class SyncApiTests
{
    [Fact]
    public async Task Status_HasTheSeedShape_EvenOnAnEmptyDatabase()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();

        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/sync/status"));

        var root = status.RootElement;
        Assert.True(root.GetProperty("success").GetBoolean());
        Assert.Equal(0, root.GetProperty("tasks").GetProperty("total").GetInt32());
        Assert.Equal(0, root.GetProperty("tasks").GetProperty("recently_synced").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("lastSyncTime").ValueKind);
        Assert.Equal(0, root.GetProperty("pendingPushes").GetInt32());
        Assert.False(root.GetProperty("notionConfigured").GetBoolean());
        var budget = root.GetProperty("budget");
        Assert.Equal(0, budget.GetProperty("notion").GetProperty("lastMinute").GetInt32());
        Assert.Equal(0, budget.GetProperty("sheets").GetProperty("lastHour").GetInt32());
    }

    [Theory]
    [InlineData("/api/sync/notion/sync", "Notion__Token")]
    [InlineData("/api/sync/sheets/backup", "Sheets__SpreadsheetId")]
    public async Task ManualSync_WhenNotConfigured_SaysWhatToSet(string route, string setting)
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();

        using var response = await client.PostAsync(route, null);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.False(body.RootElement.GetProperty("success").GetBoolean());
        Assert.Contains(setting, body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
