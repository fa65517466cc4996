using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Sheets;

namespace Hamgam.Emulators.Tests.Sheets;

/// <summary>A fresh emulator plus an HttpClient holding a token from its token endpoint.</summary>
public sealed class SheetsHarness : IAsyncDisposable
{
    private SheetsHarness(SheetsEmulator emulator, HttpClient http, string keyJson)
    {
        Emulator = emulator;
        Http = http;
        KeyJson = keyJson;
    }

    public SheetsEmulator Emulator { get; }

    public HttpClient Http { get; }

    public string KeyJson { get; }

    public static async Task<SheetsHarness> StartAsync(SheetsEmulatorOptions? options = null, string email = "tester@emulator.iam.gserviceaccount.com")
    {
        var emulator = await SheetsEmulator.StartAsync(options ?? new SheetsEmulatorOptions { QuotaEnabled = false });
        var keyJson = emulator.CreateServiceAccountKeyJson(email);
        var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = emulator.BaseUrl };
        var token = await RequestTokenAsync(http, emulator.TokenUri, keyJson);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new SheetsHarness(emulator, http, keyJson);
    }

    public static async Task<string> RequestTokenAsync(HttpClient http, Uri tokenUri, string keyJson)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = SignJwt(keyJson),
        });
        using var response = await http.PostAsync(tokenUri, form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string?)body["access_token"] ?? throw new InvalidOperationException(body.ToJsonString());
    }

    public static string SignJwt(string keyJson)
    {
        var key = JsonNode.Parse(keyJson)!;
        using var rsa = RSA.Create();
        rsa.ImportFromPem((string)key["private_key"]!);
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = (string)key["private_key_id"]! };
        var payload = new JsonObject
        {
            ["iss"] = (string)key["client_email"]!,
            ["scope"] = "https://www.googleapis.com/auth/spreadsheets",
            ["aud"] = "https://oauth2.googleapis.com/token",
            ["iat"] = 1_700_000_000,
            ["exp"] = 1_700_003_600,
        };
        var signed = Encode(header.ToJsonString()) + "." + Encode(payload.ToJsonString());
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url(signature);
    }

    private static string Encode(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(int Status, JsonNode? Body)> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

    public Task<(int Status, JsonNode? Body)> PostAsync(string pathAndQuery, JsonNode? body) => SendAsync(HttpMethod.Post, pathAndQuery, body ?? new JsonObject());

    public Task<(int Status, JsonNode? Body)> PutAsync(string pathAndQuery, JsonNode body) => SendAsync(HttpMethod.Put, pathAndQuery, body);

    /// <summary>POSTs a batchUpdate and fails the test unless it succeeds.</summary>
    public async Task<JsonNode> BatchUpdateAsync(string spreadsheetId, params JsonNode[] requests)
    {
        var (status, body) = await PostAsync($"v4/spreadsheets/{spreadsheetId}:batchUpdate", new JsonObject { ["requests"] = new JsonArray(requests) });
        Assert.True(status == 200, body?.ToJsonString());
        return body!;
    }

    public async Task<JsonNode> UpdateValuesAsync(string spreadsheetId, string range, JsonArray values, string input = "RAW")
    {
        var (status, body) = await PutAsync(
            $"v4/spreadsheets/{spreadsheetId}/values/{Uri.EscapeDataString(range)}?valueInputOption={input}",
            new JsonObject { ["values"] = values });
        Assert.True(status == 200, body?.ToJsonString());
        return body!;
    }

    public static JsonArray Rows(params string[][] rows) =>
        new([.. rows.Select(r => (JsonNode)new JsonArray([.. r.Select(v => (JsonNode)JsonValue.Create(v))]))]);

    public static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>Compares two JSON documents in structure: same keys, same value kinds, same array lengths, and equal values except where told.</summary>
public static class JsonShape
{
    public static List<string> Differences(JsonElement expected, JsonElement actual, ISet<string> ignoreValuesOf, string path = "$")
    {
        var diffs = new List<string>();
        Compare(expected, actual, ignoreValuesOf, path, null, diffs);
        return diffs;
    }

    private static void Compare(JsonElement expected, JsonElement actual, ISet<string> ignore, string path, string? key, List<string> diffs)
    {
        if (Kind(expected) != Kind(actual))
        {
            diffs.Add($"{path}: expected {expected.ValueKind}, got {actual.ValueKind} ({actual.GetRawText()})");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToHashSet();
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToHashSet();
                diffs.AddRange(expectedKeys.Except(actualKeys).Select(k => $"{path}.{k}: missing"));
                diffs.AddRange(actualKeys.Except(expectedKeys).Select(k => $"{path}.{k}: unexpected"));
                foreach (var name in expectedKeys.Intersect(actualKeys))
                {
                    Compare(expected.GetProperty(name), actual.GetProperty(name), ignore, $"{path}.{name}", name, diffs);
                }

                break;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    diffs.Add($"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}");
                    return;
                }

                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    Compare(expected[i], actual[i], ignore, $"{path}[{i}]", key, diffs);
                }

                break;
            default:
                if (key is not null && ignore.Contains(key))
                {
                    return;
                }

                var same = expected.ValueKind == JsonValueKind.Number
                    ? Math.Abs(expected.GetDouble() - actual.GetDouble()) < 1e-9
                    : expected.GetRawText() == actual.GetRawText() || expected.ToString() == actual.ToString();
                if (!same)
                {
                    diffs.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;
        }
    }

    private static JsonValueKind Kind(JsonElement element) =>
        element.ValueKind == JsonValueKind.False ? JsonValueKind.True : element.ValueKind;
}
