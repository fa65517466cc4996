using System.Text;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Notion;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Sync.Push;

/// <summary>Records whose properties together exceed Notion's 500 KB body limit reach Notion whole, over several requests.</summary>
public sealed class LargePushTests
{
    private static readonly string[] LongFields = ["topWin", "reflection", "dailyReport", "desires"];

    [Theory, OnAllDatabases]
    public async Task PushAsync_DailyLogWithFour100000CharacterPersianFields_ReachesNotionWhole(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var values = new Dictionary<string, string?> { ["name"] = "گزارش روز", ["date"] = "2026-11-24" };
        foreach (var (field, i) in LongFields.Select((f, i) => (f, i)))
        {
            values[field] = Persian(100_000, i);
        }

        var log = await h.Changes.CreateAsync(EntityKind.DailyLog, values);
        var created = await h.PushAsync();
        var edits = LongFields.ToDictionary(f => f, f => (string?)Persian(100_000, 7 + f.Length), StringComparer.Ordinal);
        await h.Changes.UpdateAsync(EntityKind.DailyLog, log.Id, edits);
        var updated = await h.PushAsync();

        Assert.Equal((1, 0, SyncRunStatus.Success), (created.Created, created.Failed, created.Status));
        Assert.Equal((1, 0, SyncRunStatus.Success), (updated.Updated, updated.Failed, updated.Status));
        Assert.True(created.RequestsUsed >= 3, $"a body of about 800 KB needs at least two requests; used {created.RequestsUsed}");
        await using var db = h.Db.CreateContext();
        var page = h.Notion.GetPage((await db.DailyLogs.SingleAsync()).NotionId!)!["properties"]!;
        Assert.Equal("گزارش روز", page["Name"]!["title"]![0]!["plain_text"]!.GetValue<string>());
        Assert.Equal(edits["topWin"], Text(page["Top Win"]!));
        Assert.Equal(edits["reflection"], Text(page["Reflection"]!));
        Assert.Equal(edits["dailyReport"], Text(page["Daily Report"]!));
        Assert.Equal(edits["desires"], Text(page["Desires"]!));
        Assert.Equal(0, (await h.PullAsync()).Entities.Single(e => e.Kind == EntityKind.DailyLog).Updated);
    }

    [Theory, OnAllDatabases]
    public async Task Emulator_BodyOver500KB_IsRefusedAsNotionDoes(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var properties = new Dictionary<string, PropertyInput>(StringComparer.Ordinal)
        {
            ["Name"] = PropertyInput.Title("x"),
            ["Top Win"] = PropertyInput.RichText(Persian(100_000, 1)),
            ["Reflection"] = PropertyInput.RichText(Persian(100_000, 2)),
            ["Daily Report"] = PropertyInput.RichText(Persian(100_000, 3)),
        };

        var error = await Assert.ThrowsAsync<NotionApiException>(() =>
            h.Client.Pages.CreateAsync(CreatePageRequest.InDataSource(h.Databases.DailyLogs.DataSourceId, properties)));

        Assert.Equal((400, "validation_error"), (error.Status, error.Code));
        Assert.Empty(h.Notion.ListPages(h.Databases.DailyLogs.DataSourceId));
    }

    private static string Text(System.Text.Json.Nodes.JsonNode property) =>
        string.Concat(property["rich_text"]!.AsArray().Select(t => t!["plain_text"]!.GetValue<string>()));

    private static string Persian(int length, int seed)
    {
        var words = $"روز {seed} همگام یادداشت می‌کند؛ ";
        var text = new StringBuilder(length + words.Length);
        while (text.Length < length)
        {
            text.Append(words);
        }

        return text.ToString(0, length);
    }
}
