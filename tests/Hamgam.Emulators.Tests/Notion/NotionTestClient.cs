using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion;

namespace Hamgam.Emulators.Tests.Notion;

internal sealed record NotionReply(HttpStatusCode Status, JsonNode? Body, string RawBody, HttpResponseMessage Message)
{
    public JsonObject Object => Body as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {RawBody}");

    public string? Header(string name) => Message.Headers.TryGetValues(name, out var values) ? values.First() : null;
}

/// <summary>Raw HTTP against an emulator: real requests on 127.0.0.1, so tests see what a client sees.</summary>
internal sealed class NotionTestClient : IDisposable
{
    private readonly HttpClient _http;

    public NotionTestClient(NotionEmulator emulator, string? token = null)
    {
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = emulator.BaseUrl };
        Token = token ?? emulator.Options.Token;
    }

    public string Token { get; set; }

    public string? Version { get; set; } = "2026-03-11";

    public Task<NotionReply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<NotionReply> PostAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<NotionReply> PatchAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Patch, path, body);

    public async Task<NotionReply> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {Token}");
        if (Version is not null)
        {
            request.Headers.TryAddWithoutValidation("Notion-Version", Version);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        var response = await _http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        JsonNode? parsed = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && raw.Length > 0)
        {
            parsed = JsonNode.Parse(raw);
        }
        return new NotionReply(response.StatusCode, parsed, raw, response);
    }

    public void Dispose() => _http.Dispose();
}
