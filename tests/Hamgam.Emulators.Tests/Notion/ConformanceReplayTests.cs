using System.Text.Json.Nodes;
using Hamgam.Testing;

namespace Hamgam.Emulators.Tests.Notion;

/// <summary>Replays every request in the recorded manifest against equivalent emulator data and compares response structure.</summary>
public sealed class ConformanceReplayTests
{
    public static TheoryData<string> ManifestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var entry in RecordedData.Manifest())
        {
            data.Add(entry!["file"]!.GetValue<string>());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public async Task Replay_ManifestRequest_MatchesRecordedStructure(string file)
    {
        var entry = RecordedData.ManifestEntry(file);
        await using var context = await ConformanceContext.StartAsync();

        var reply = await ConformanceScenarios.RunAsync(file, context, entry);

        Assert.Equal(entry["status"]!.GetValue<int>(), (int)reply.Status);
        Assert.Equal("application/json; charset=utf-8", reply.Message.Content.Headers.ContentType?.ToString());
        var body = reply.Object;
        Assert.Equal("request_id", body.Last().Key);
        Assert.Equal(body["request_id"]!.GetValue<string>(), reply.Header("x-notion-request-id"));
        var differences = StructureComparer.Compare(RecordedData.Load(file), body);
        Assert.True(differences.Count == 0, $"{file}:\n{string.Join("\n", differences.Take(30))}");
    }

    [Fact]
    public void Manifest_HasEveryRecordedFile()
    {
        var files = Directory.GetFiles(TestEnvironment.NotionConformance, "*.json").Select(f => Path.GetFileName(f))
            .Where(f => f != "manifest.json").Order().ToList();

        Assert.Equal(files, RecordedData.Manifest().Select(e => e!["file"]!.GetValue<string>()).Order().ToList());
    }

    [Fact]
    public async Task Replay_RateLimitedBody_MatchesIssueRecording()
    {
        await using var context = await ConformanceContext.StartAsync();
        context.Emulator.Options.RateLimitEnabled = true;
        context.Emulator.Options.Burst = 1;

        await context.Client.GetAsync("v1/users/me");
        var reply = await context.Client.GetAsync("v1/users/me");

        Assert.Equal(429, (int)reply.Status);
        Assert.NotNull(reply.Message.Headers.RetryAfter?.Delta);
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.NotionConformance, "from-issues", "error_429_rate_limited.json")));
        Assert.Empty(StructureComparer.Compare(recorded, reply.Body));
        Assert.Equal(recorded!["message"]!.GetValue<string>(), reply.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replay_TextOver2000Characters_MatchesIssueRecordingShape()
    {
        await using var context = await ConformanceContext.StartAsync();
        var ids = context.Workspace.CreateDatabase("Notes", new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonObject() } });

        var reply = await context.Client.PostAsync("v1/pages", new JsonObject
        {
            ["parent"] = new JsonObject { ["data_source_id"] = ids.DataSourceId },
            ["properties"] = new JsonObject
            {
                ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = new string('x', 4046) } }) },
            },
        });

        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.NotionConformance, "from-issues", "error_400_validation_error_text_content_length.json")));
        Assert.Empty(StructureComparer.Compare(recorded, reply.Body));
        Assert.Equal("body failed validation: body.properties.Name.title[0].text.content.length should be ≤ `2000`, instead was `4046`.",
            reply.Object["message"]!.GetValue<string>());
    }
}
