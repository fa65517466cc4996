using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion;
using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Emulators.Tests.Notion;

/// <summary>A fresh emulator per test, on a fake clock, with a raw HTTP client.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(NotionEmulator emulator, FakeTimeProvider clock)
    {
        Emulator = emulator;
        Clock = clock;
        Client = new NotionTestClient(emulator);
    }

    public NotionEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; }

    public NotionTestClient Client { get; }

    public NotionWorkspace Workspace => Emulator.Workspace;

    /// <summary>A raw client for the inspection routes (<c>/_emulator/notion/...</c>), carrying the per-run secret.</summary>
    public HttpClient InspectionClient()
    {
        var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = Emulator.BaseUrl };
        http.DefaultRequestHeaders.Add(NotionEmulatorOptions.InspectionSecretHeader, Emulator.Options.InspectionSecret);
        return http;
    }

    public static async Task<EmulatorHarness> StartAsync(Action<NotionEmulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 10, 15, 42, TimeSpan.Zero));
        var options = new NotionEmulatorOptions { Clock = clock, RateLimitEnabled = false };
        configure?.Invoke(options);
        return new EmulatorHarness(await NotionEmulator.StartAsync(options), clock);
    }

    /// <summary>A Tasks-like data source: the property types Hamgam's four databases use.</summary>
    public string CreateTasks() => Workspace.CreateDatabase("Tasks", new JsonObject
    {
        ["Name"] = new JsonObject { ["title"] = new JsonObject() },
        ["Status"] = new JsonObject { ["status"] = new JsonObject() },
        ["Importance"] = new JsonObject { ["select"] = new JsonObject { ["options"] = new JsonArray(Option("High"), Option("Medium"), Option("Low")) } },
        ["Context"] = new JsonObject { ["multi_select"] = new JsonObject() },
        ["Due Date"] = new JsonObject { ["date"] = new JsonObject() },
        ["Quick Win"] = new JsonObject { ["checkbox"] = new JsonObject() },
        ["Counter"] = new JsonObject { ["number"] = new JsonObject() },
        ["Notes"] = new JsonObject { ["rich_text"] = new JsonObject() },
    }).DataSourceId;

    public string AddTask(string dataSourceId, string name, Action<JsonObject>? set = null)
    {
        var properties = new JsonObject { ["Name"] = Title(name) };
        set?.Invoke(properties);
        return Workspace.CreatePage(dataSourceId, properties)["id"]!.GetValue<string>();
    }

    public async Task<JsonObject> QueryAsync(string dataSourceId, JsonObject? body = null)
    {
        var reply = await Client.PostAsync($"v1/data_sources/{dataSourceId}/query", body ?? []);
        Assert.True((int)reply.Status == 200, reply.RawBody);
        return reply.Object;
    }

    public async Task<List<string>> QueryNamesAsync(string dataSourceId, JsonObject? body = null) =>
        (await QueryAsync(dataSourceId, body))["results"]!.AsArray()
            .Select(p => p!["properties"]!["Name"]!["title"]!.AsArray().FirstOrDefault()?["plain_text"]?.GetValue<string>() ?? string.Empty).ToList();

    public static JsonObject Title(string text) => new() { ["title"] = RichText(text) };

    public static JsonArray RichText(string text) => new(new JsonObject { ["text"] = new JsonObject { ["content"] = text } });

    public static JsonObject Select(string name) => new() { ["select"] = new JsonObject { ["name"] = name } };

    public static JsonObject Option(string name) => new() { ["name"] = name };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
