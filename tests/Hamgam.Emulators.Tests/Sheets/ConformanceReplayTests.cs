using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Sheets;
using Hamgam.Testing;

namespace Hamgam.Emulators.Tests.Sheets;

/// <summary>Replays each recorded request against a fresh emulator and compares the answer with the recorded body in structure and values.</summary>
public sealed class ConformanceReplayTests
{
    // Recorded from a situation the emulator cannot be put in (the API disabled in the caller's project).
    private static readonly HashSet<string> NotReproduced = ["error_403_service_disabled.json"];

    private static readonly HashSet<string> IgnoredValues = ["spreadsheetId", "sheetId", "protectedRangeId", "spreadsheetUrl", "consumer"];

    public static TheoryData<string> RecordedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Manifest())
        {
            var file = (string)entry["file"]!;
            if (!NotReproduced.Contains(file))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedFiles))]
    public async Task RecordedRequest_ReplayedAgainstEmulator_MatchesRecordedBody(string file)
    {
        var entry = Manifest().Single(e => (string)e["file"]! == file);
        var expectedStatus = (int)entry["response"]!["status"]!;
        var request = entry["request"]!;
        var url = new Uri((string)request["url"]!);
        var id = SpreadsheetId(url);
        var options = new SheetsEmulatorOptions { QuotaEnabled = expectedStatus == 429 };
        await using var harness = await SheetsHarness.StartAsync(options);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestEnvironment.SheetsConformance, file)));
        await ConformanceSetups.PrepareAsync(harness, file, id, expected.RootElement);

        var pathAndQuery = StripApiKey(url.PathAndQuery.TrimStart('/'));
        var body = request["body"]?.DeepClone();
        var (status, actual) = await harness.SendAsync(new HttpMethod((string)request["method"]!), pathAndQuery, body);

        Assert.Equal(expectedStatus, status);
        var ignore = new HashSet<string>(IgnoredValues);
        if (expectedStatus == 429)
        {
            ignore.Add("message");
        }

        using var actualDocument = JsonDocument.Parse(actual!.ToJsonString());
        var diffs = JsonShape.Differences(expected.RootElement, actualDocument.RootElement, ignore);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs) + "\n" + actual.ToJsonString());
    }

    [Fact]
    public void Manifest_EveryRecordedBody_IsReplayedOrListedAsNotReproduced()
    {
        Assert.Equal(32, Manifest().Count);
        Assert.Equal(31, RecordedFiles().Count);
    }

    private static List<JsonNode> Manifest() =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(TestEnvironment.SheetsConformance, "manifest.json")))!.AsArray().Select(e => e!)];

    private static string SpreadsheetId(Uri url)
    {
        var segment = Uri.UnescapeDataString(url.AbsolutePath["/v4/spreadsheets/".Length..]);
        return segment.Split('/', ':')[0];
    }

    private static string StripApiKey(string pathAndQuery)
    {
        var parts = pathAndQuery.Split('?', 2);
        if (parts.Length == 1)
        {
            return pathAndQuery;
        }

        var kept = parts[1].Split('&').Where(p => !p.StartsWith("key=", StringComparison.Ordinal));
        return parts[0] + "?" + string.Join("&", kept);
    }
}
