using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Testing;

namespace Hamgam.Notion.Tests.Support;

/// <summary>The recorded real Notion responses in tests/conformance/notion.</summary>
public static class Conformance
{
    public static string Directory => TestEnvironment.NotionConformance;

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    public static string ReadPrefixed(string prefix) =>
        File.ReadAllText(System.IO.Directory.GetFiles(Directory, prefix + "_*.json").Single());

    public static IReadOnlyList<ManifestEntry> Manifest()
    {
        var json = JsonNode.Parse(Read("manifest.json"))!.AsArray();
        return json.Select(e => new ManifestEntry(
            e!["file"]!.GetValue<string>(),
            e["method"]!.GetValue<string>(),
            new Uri(e["uri"]!.GetValue<string>()),
            e["status"]!.GetValue<int>(),
            e["response_headers"]?["x-notion-request-id"]?.GetValue<string>(),
            e["request_body"])).ToList();
    }

    public static IEnumerable<object[]> ManifestFiles() => Manifest().Select(e => new object[] { e.File });

    public static NotionPage ParsePage(string json) => JsonSerializer.Deserialize(json, NotionJsonContext.Default.NotionPage)!;

    public static NotionPage PageFrom(string prefix, int resultIndex = -1)
    {
        var json = ReadPrefixed(prefix);
        if (resultIndex < 0)
        {
            return ParsePage(json);
        }

        var results = JsonNode.Parse(json)!["results"]!.AsArray();
        return ParsePage(results[resultIndex]!.ToJsonString());
    }
}

public sealed record ManifestEntry(string File, string Method, Uri Uri, int Status, string? RequestIdHeader, JsonNode? RequestBody);
