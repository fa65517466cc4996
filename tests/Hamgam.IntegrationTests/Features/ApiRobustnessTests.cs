using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hamgam.Core.Data;
using Hamgam.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.IntegrationTests.Features;

public sealed class ApiRobustnessTests
{
    public static TheoryData<string> Routes => ["/api/tasks", "/api/projects", "/api/habits", "/api/daily-logs"];

    private static readonly string[] BadBodies =
    [
        "{",
        "not json",
        "[]",
        "\"name\"",
        "null",
        """{"name": 5}""",
        """{"name": ""}""",
        """{"name": "x", "unknownField": 1}""",
        """{"name": "x", "notionId": "steal"}""",
        """{"name": "x", "id": "00000000-0000-0000-0000-000000000001"}""",
        """{"name": "x", "status": ["a"]}""",
        """{"name": "x", "dueDate": "tomorrow"}""",
        """{"name": "x", "date": "2026-02-30"}""",
        """{"name": "x", "quickWin": "yes"}""",
        """{"name": "x", "tags": "a,b"}""",
        """{"name": "x", "tags": [1, 2]}""",
        """{"name": "x", "counter": "7"}""",
        """{"name": "x", "energy": 1e400}""",
        """{"name": "x", "projectId": "not-a-guid"}""",
        """{"name": "x", "projectId": "00000000-0000-0000-0000-000000000001"}""",
    ];

    [Theory, MemberData(nameof(Routes))]
    public async Task WriteEndpoints_BadInput_Answer4xxWithAMessage_AndWriteNothing(string route)
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();
        var created = await client.PostAsJsonAsync(route, new { name = "ثابت" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var huge = JsonSerializer.Serialize(new { name = new string('ب', 200_000) });

        foreach (var body in BadBodies.Append(huge))
        {
            foreach (var (method, url) in new[] { (HttpMethod.Post, route), (HttpMethod.Patch, $"{route}/{id}") })
            {
                using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {url} with {Trim(body)} answered {(int)response.StatusCode}: {Trim(text)}");
                Assert.False(string.IsNullOrWhiteSpace(text), $"{method} {url} with {Trim(body)} gave no message.");
            }
        }

        using var wrongType = new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync(route, wrongType)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{route}/not-a-guid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"{route}/{Guid.NewGuid()}", new { name = "x" })).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<HamgamDb>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Patch_UnknownField_NamesTheFieldInProblemDetails()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();

        var response = await client.PostAsJsonAsync("/api/tasks", new { name = "x", energy_level = "High" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("energy_level", out _));
    }

    [Fact]
    public async Task Patch_NullClearsAField_AndPersianRoundTrips()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();
        var created = await (await client.PostAsJsonAsync("/api/tasks", new
        {
            name = "خرید نان 🥖", notes = "۲ عدد", tags = new[] { "خانه" }, dueDate = "2026-12-01", quickWin = true,
        })).Content.ReadFromJsonAsync<JsonElement>();

        using var patch = new StringContent("""{"notes": null, "tags": null, "dueDate": null, "quickWin": null}""", Encoding.UTF8, "application/json");
        var response = await client.PatchAsync($"/api/tasks/{created.GetProperty("id").GetString()}", patch);
        var task = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("خرید نان 🥖", task.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("notes").ValueKind);
        Assert.Equal(0, task.GetProperty("tags").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("dueDate").ValueKind);
        Assert.False(task.GetProperty("quickWin").GetBoolean());
        Assert.Equal("pending", task.GetProperty("syncState").GetString());
    }

    [Fact]
    public async Task FiftyConcurrentEditors_NoLostUpdate_StaleVersionsAnswer409WithTheCurrentValue()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();
        var task = await (await client.PostAsJsonAsync("/api/habits", new { name = "شمارنده", counter = 0 })).Content.ReadFromJsonAsync<JsonElement>();
        var url = $"/api/habits/{task.GetProperty("id").GetString()}";

        // Fifty editors each change their own field value with no version: every edit must land (retried on a race).
        var names = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var field = (i % 3) switch { 0 => "type", 1 => "category", _ => "relatedTrigger" };
            var response = await client.PatchAsJsonAsync(url, new Dictionary<string, object> { [field] = $"v{i}" });
            return (field, i, response.StatusCode);
        }));
        Assert.All(names, n => Assert.Equal(HttpStatusCode.OK, n.StatusCode));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<HamgamDb>>().CreateDbContextAsync();
            // Every one of the fifty edits reached the outbox: none was silently overwritten by a concurrent save.
            Assert.Equal(50, await db.Outbox.CountAsync(o => o.Operation == Hamgam.Core.Sync.Outbox.OutboxOperation.Update));
        }

        // Fifty editors holding the same version: exactly one wins, the rest get 409 with the current record.
        var current = await client.GetFromJsonAsync<JsonElement>(url);
        var version = current.GetProperty("version").GetInt64();
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.PatchAsJsonAsync(url, new Dictionary<string, object> { ["counter"] = i + 1, ["version"] = version })));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(49, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var conflict = await results.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(version + 1, conflict.GetProperty("version").GetInt64());
    }

    private static string Trim(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
