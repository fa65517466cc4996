using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion;
using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Emulators.Tests.Notion;

/// <summary>One replay: a fresh emulator, a client, and the mapping from recorded ids to the emulator's ids.</summary>
internal sealed class ConformanceContext : IAsyncDisposable
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.OrdinalIgnoreCase);

    private ConformanceContext(NotionEmulator emulator, FakeTimeProvider clock)
    {
        Emulator = emulator;
        Clock = clock;
        Client = new NotionTestClient(emulator);
    }

    public NotionEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; }

    public NotionTestClient Client { get; }

    public NotionWorkspace Workspace => Emulator.Workspace;

    public static async Task<ConformanceContext> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 27, 17, 1, 0, TimeSpan.Zero));
        var emulator = await NotionEmulator.StartAsync(new NotionEmulatorOptions { Clock = clock, RateLimitEnabled = false, IntegrationName = "notion-sdk-py" });
        return new ConformanceContext(emulator, clock);
    }

    /// <summary>Records that the recorded id <paramref name="recorded"/> is <paramref name="emulated"/> here.</summary>
    public string Map(string recorded, string emulated)
    {
        _ids[recorded] = emulated;
        _ids[recorded.Replace("-", "", StringComparison.Ordinal)] = emulated;
        return emulated;
    }

    public string Mapped(string recorded) => _ids.TryGetValue(recorded, out var id) ? id : recorded;

    /// <summary>Sends the manifest's request (ids mapped) with its Notion-Version.</summary>
    public Task<NotionReply> ReplayAsync(JsonObject entry, JsonNode? bodyOverride = null)
    {
        var uri = new Uri(entry["uri"]!.GetValue<string>());
        var path = Replace(uri.PathAndQuery);
        Client.Version = entry["notion_version"]!.GetValue<string>();
        var body = bodyOverride ?? entry["request_body"];
        var mappedBody = body is null ? null : JsonNode.Parse(Replace(body.ToJsonString()));
        return Client.SendAsync(new HttpMethod(entry["method"]!.GetValue<string>()), path, mappedBody);
    }

    public string Replace(string text)
    {
        foreach (var (recorded, emulated) in _ids.OrderByDescending(kv => kv.Key.Length))
        {
            text = text.Replace(recorded, emulated, StringComparison.OrdinalIgnoreCase);
        }
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
