using System.Text.Json.Nodes;
using static Hamgam.Emulators.Tests.Notion.EmulatorHarness;

namespace Hamgam.Emulators.Tests.Notion;

public sealed class LimitsAndFaultsTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task RateLimit_BurstSpent_Returns429WithRetryAfterUntilClockAdvances()
    {
        await using var h = await StartAsync(o =>
        {
            o.RateLimitEnabled = true;
            o.RequestsPerSecond = 3;
            o.Burst = 3;
        });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (int)(await h.Client.GetAsync("v1/users/me")).Status);
        }
        var limited = await h.Client.GetAsync("v1/users/me");
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var allowed = await h.Client.GetAsync("v1/users/me");

        Assert.Equal(429, (int)limited.Status);
        Assert.Equal("1", limited.Header("Retry-After"));
        Assert.Equal("rate_limited", limited.Object["code"]!.GetValue<string>());
        Assert.Equal(200, (int)allowed.Status);
        Assert.Equal(4, h.Emulator.RequestCount);
    }

    [Fact]
    public async Task RateLimit_InspectionSurface_IsNotLimited()
    {
        await using var h = await StartAsync(o =>
        {
            o.RateLimitEnabled = true;
            o.Burst = 1;
        });
        var ds = h.CreateTasks();
        using var http = h.InspectionClient();

        for (var i = 0; i < 5; i++)
        {
            var response = await http.GetAsync(new Uri($"_emulator/notion/data_sources/{ds}/pages", UriKind.Relative));
            Assert.Equal(200, (int)response.StatusCode);
        }
        Assert.Equal(0, h.Emulator.RequestCount);
    }

    [Theory]
    [InlineData(500, "internal_server_error")]
    [InlineData(503, "service_unavailable")]
    [InlineData(504, "gateway_timeout")]
    [InlineData(429, "rate_limited")]
    public async Task Faults_ErrorRateOne_AnswersTheChosenStatus(int status, string code)
    {
        await using var h = await StartAsync();
        h.Emulator.Faults.ErrorStatuses.Clear();
        h.Emulator.Faults.ErrorStatuses.Add(status);
        h.Emulator.Faults.ErrorRate = 1;

        var reply = await h.Client.GetAsync("v1/users/me");

        Assert.Equal(status, (int)reply.Status);
        Assert.Equal(code, reply.Object["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Faults_502_LooksLikeTheEdgeNotTheApi()
    {
        await using var h = await StartAsync();
        h.Emulator.Faults.ErrorStatuses.Clear();
        h.Emulator.Faults.ErrorStatuses.Add(502);
        h.Emulator.Faults.ErrorRate = 1;

        var reply = await h.Client.GetAsync("v1/users/me");

        Assert.Equal(502, (int)reply.Status);
        Assert.NotNull(reply.Header("cf-ray"));
        Assert.Null(reply.Header("x-notion-request-id"));
    }

    [Fact]
    public async Task Faults_DropConnection_FailsTheRequest()
    {
        await using var h = await StartAsync();
        h.Emulator.Faults.DropConnectionRate = 1;

        await Assert.ThrowsAsync<HttpRequestException>(() => h.Client.GetAsync("v1/users/me"));
        h.Emulator.Faults.Clear();
        Assert.Equal(200, (int)(await h.Client.GetAsync("v1/users/me")).Status);
    }

    [Fact]
    public async Task Faults_GarbleNext_CarriesTheRequestOutButCutsItsBodyOnce()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        h.Emulator.Faults.GarbleNext(1, "/v1/pages");
        var page = new JsonObject
        {
            ["parent"] = new JsonObject { ["data_source_id"] = ds },
            ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "نیمه 🌗" } }) } },
        };

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => h.Client.PostAsync("v1/pages", page));
        var whole = await h.Client.PostAsync("v1/pages", page);

        Assert.Equal((1, 200), (h.Emulator.Faults.Garbled, (int)whole.Status));
        Assert.Equal(2, h.Emulator.Workspace.ListPages(ds).Count);
    }

    [Fact]
    public async Task Faults_Timeout_HangsThenDropsWithoutCarryingTheRequestOut()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        h.Emulator.Faults.TimeoutRate = 1;
        h.Emulator.Faults.TimeoutStall = TimeSpan.FromMilliseconds(50);

        await Assert.ThrowsAsync<HttpRequestException>(() => h.Client.PostAsync("v1/pages", new JsonObject
        {
            ["parent"] = new JsonObject { ["data_source_id"] = ds },
            ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonArray() } },
        }));

        Assert.Empty(h.Emulator.Workspace.ListPages(ds));
    }

    [Fact]
    public async Task Faults_SeededFraction_IsDeterministic()
    {
        await using var h = await StartAsync();
        var runs = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            h.Emulator.Faults.Seed = 42;
            h.Emulator.Faults.ErrorRate = 0.5;
            var statuses = new List<int>();
            for (var i = 0; i < 12; i++)
            {
                statuses.Add((int)(await h.Client.GetAsync("v1/users/me")).Status);
            }
            runs.Add(string.Join(",", statuses));
        }

        Assert.Equal(runs[0], runs[1]);
        Assert.Contains("200", runs[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_RichTextOver100Elements_Returns400()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var many = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject { ["text"] = new JsonObject { ["content"] = "x" } }).ToArray());

        var reply = await h.Client.PostAsync("v1/pages", new JsonObject
        {
            ["parent"] = new JsonObject { ["data_source_id"] = ds },
            ["properties"] = new JsonObject { ["Notes"] = new JsonObject { ["rich_text"] = many } },
        });

        Assert.Equal("body failed validation: body.properties.Notes.rich_text.length should be ≤ `100`, instead was `101`.", reply.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validation_UpdateTrashedPage_Returns400UntilRestored()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var id = h.AddTask(ds, "Trash me");
        var edit = new JsonObject { ["properties"] = new JsonObject { ["Counter"] = new JsonObject { ["number"] = 3 } } };
        await h.Client.PatchAsync($"v1/pages/{id}", new JsonObject { ["in_trash"] = true });

        var rejected = await h.Client.PatchAsync($"v1/pages/{id}", edit);
        var restoredAndEdited = await h.Client.PatchAsync($"v1/pages/{id}", new JsonObject { ["in_trash"] = false, ["properties"] = edit["properties"]!.DeepClone() });

        Assert.Equal(400, (int)rejected.Status);
        Assert.Equal("Can't update a page that is archived. You must unarchive the page before updating.", rejected.Object["message"]!.GetValue<string>());
        Assert.Equal(3, restoredAndEdited.Object["properties"]!["Counter"]!["number"]!.GetValue<double>());
    }

    [Fact]
    public async Task Values_SelectCreatesOption_StatusUnknownRejected_WrongTypeRejected()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var id = h.AddTask(ds, "Options");

        var select = await h.Client.PatchAsync($"v1/pages/{id}", new JsonObject { ["properties"] = new JsonObject { ["Importance"] = Select("Critical") } });
        var status = await h.Client.PatchAsync($"v1/pages/{id}", new JsonObject { ["properties"] = new JsonObject { ["Status"] = new JsonObject { ["status"] = new JsonObject { ["name"] = "Blocked" } } } });
        var number = await h.Client.PatchAsync($"v1/pages/{id}", new JsonObject { ["properties"] = new JsonObject { ["Counter"] = new JsonObject { ["number"] = "7" } } });
        var unknown = await h.Client.PatchAsync($"v1/pages/{id}", new JsonObject { ["properties"] = new JsonObject { ["Nope"] = new JsonObject { ["number"] = 7 } } });

        Assert.Equal("Critical", select.Object["properties"]!["Importance"]!["select"]!["name"]!.GetValue<string>());
        Assert.Contains(h.Workspace.GetDataSource(ds)!["properties"]!["Importance"]!["select"]!["options"]!.AsArray(), o => o!["name"]!.GetValue<string>() == "Critical");
        Assert.Equal(400, (int)status.Status);
        Assert.Equal("validation_error", status.Object["code"]!.GetValue<string>());
        Assert.Equal("body failed validation: body.properties.Counter.number should be a number or `null`, instead was `\"7\"`.", number.Object["message"]!.GetValue<string>());
        Assert.Equal("Nope is not a property that exists.", unknown.Object["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dates_TimeZoneAndPrecision_RenderAsNotionDoes()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();

        string Write(JsonObject date) => h.Workspace.CreatePage(ds, new JsonObject { ["Due Date"] = new JsonObject { ["date"] = date } })
            ["properties"]!["Due Date"]!["date"]!.ToJsonString(Relaxed);

        Assert.Equal("""{"start":"2026-06-27T18:01:00.000+01:00","end":null,"time_zone":null}""",
            Write(new JsonObject { ["start"] = "2026-06-27T18:01:15.377824", ["time_zone"] = "Europe/London" }));
        Assert.Equal("""{"start":"2024-01-08T12:00:00.000+00:00","end":null,"time_zone":null}""",
            Write(new JsonObject { ["start"] = "2024-01-08T12:00:00Z", ["time_zone"] = "UTC" }));
        Assert.Equal("""{"start":"2026-07-01","end":"2026-07-03","time_zone":null}""",
            Write(new JsonObject { ["start"] = "2026-07-01", ["end"] = "2026-07-03" }));
        Assert.Equal("""{"start":"2026-03-21T08:30:00.000+03:30","end":null,"time_zone":null}""",
            Write(new JsonObject { ["start"] = "2026-03-21T08:30:59+03:30" }));
    }

    [Fact]
    public async Task DataSourcePatch_AddRenameRemovePropertiesAndOptions()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        var id = h.AddTask(ds, "Schema", p => p["Importance"] = Select("High"));

        var reply = await h.Client.PatchAsync($"v1/data_sources/{ds}", JsonNode.Parse("""
            {"properties":{
              "Energy":{"select":{"options":[{"name":"⚡ High","color":"red"}]}},
              "Counter":{"name":"Streak"},
              "Notes":null,
              "Importance":{"select":{"options":[{"name":"High"},{"name":"Medium"},{"name":"Low"},{"name":"Someday","color":"gray"}]}}
            }}
            """));

        var properties = reply.Object["properties"]!.AsObject();
        Assert.True(properties.ContainsKey("Energy"));
        Assert.True(properties.ContainsKey("Streak"));
        Assert.False(properties.ContainsKey("Counter"));
        Assert.False(properties.ContainsKey("Notes"));
        Assert.Equal(4, properties["Importance"]!["select"]!["options"]!.AsArray().Count);
        var page = h.Workspace.GetPage(id)!;
        Assert.Equal("High", page["properties"]!["Importance"]!["select"]!["name"]!.GetValue<string>());
        Assert.False(page["properties"]!.AsObject().ContainsKey("Notes"));
    }

    [Fact]
    public async Task Persistence_SavedWorkspace_LoadsBack()
    {
        var path = Path.Combine(Path.GetTempPath(), $"notion-{Guid.NewGuid():N}.json");
        try
        {
            string ds;
            string id;
            await using (var first = await StartAsync(o => o.PersistPath = path))
            {
                ds = first.CreateTasks();
                id = first.AddTask(ds, "Kept", p => p["Context"] = new JsonObject { ["multi_select"] = new JsonArray(Option("خانه")) });
            }
            await using var second = await StartAsync(o => o.PersistPath = path);

            var page = second.Workspace.GetPage(id)!;
            Assert.Equal("Kept", page["properties"]!["Name"]!["title"]![0]!["plain_text"]!.GetValue<string>());
            Assert.Equal("خانه", page["properties"]!["Context"]!["multi_select"]![0]!["name"]!.GetValue<string>());
            Assert.Equal(["Kept"], await second.QueryNamesAsync(ds));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Inspection_WithoutTheSecret_ForAForeignHost_OrWithANonJsonBody_IsRefused()
    {
        await using var h = await StartAsync();
        var ds = h.CreateTasks();
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = h.Emulator.BaseUrl };
        var secret = h.Emulator.Options.InspectionSecret;
        var page = new JsonObject
        {
            ["parent"] = new JsonObject { ["data_source_id"] = ds },
            ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "x" } }) } },
        }.ToJsonString();

        Assert.Equal(401, await SendAsync(http, "127.0.0.1", null, page, "application/json"));
        Assert.Equal(403, await SendAsync(http, "rebind.attacker.example", secret, page, "application/json"));
        Assert.Equal(415, await SendAsync(http, "127.0.0.1", secret, page, "text/plain"));
        Assert.Equal(200, await SendAsync(http, "127.0.0.1", secret, page, "application/json"));
    }

    private static async Task<int> SendAsync(HttpClient http, string host, string? secret, string body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "_emulator/notion/pages")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, contentType),
        };
        request.Headers.Host = host;
        if (secret is not null)
        {
            request.Headers.Add(Hamgam.Emulators.Notion.NotionEmulatorOptions.InspectionSecretHeader, secret);
        }

        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }
}
