using System.Text.Json.Nodes;
using Hamgam.Notion.Tests.Support;

namespace Hamgam.Notion.Tests;

/// <summary>Every recorded real response is served over HTTP and read by the client method that asks for it.</summary>
public sealed class ConformanceTests
{
    public static IEnumerable<object[]> Files => Conformance.ManifestFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Client_RecordedResponse_IsParsedOrMappedToException(string file)
    {
        var entry = Conformance.Manifest().Single(e => e.File == file);
        await using var host = await NotionTestHost.StartAsync();
        var headers = entry.RequestIdHeader is null ? [] : new[] { ("x-notion-request-id", entry.RequestIdHeader) };
        host.Server.Enqueue(entry.Status, Conformance.Read(file), headers);

        if (entry.Status >= 400)
        {
            var ex = await Assert.ThrowsAsync<NotionApiException>(() => CallAsync(host.Client, entry));
            var body = JsonNode.Parse(Conformance.Read(file))!;
            Assert.Equal(entry.Status, ex.Status);
            Assert.Equal(body["code"]!.GetValue<string>(), ex.Code);
            Assert.Equal(body["message"]!.GetValue<string>(), ex.Message);
            Assert.Equal(entry.RequestIdHeader ?? body["request_id"]!.GetValue<string>(), ex.RequestId);
            Assert.Equal(body["additional_data"]?["integration_id"]?.GetValue<string>(),
                ex.AdditionalData?.GetProperty("integration_id").GetString());
            Assert.False(ex.IsTransient);
        }
        else
        {
            var result = await CallAsync(host.Client, entry);
            Assert.NotNull(result);
        }

        var request = Assert.Single(host.Server.Requests);
        Assert.Equal(entry.Method, request.Method);
        if (!IsUnmodelledEndpoint(entry))
        {
            Assert.Equal(entry.Uri.PathAndQuery, request.PathAndQuery);
        }

        Assert.Equal("Bearer ntn_test_token", request.Headers["Authorization"]);
        Assert.Equal("2026-03-11", request.Headers["Notion-Version"]);
    }

    [Theory]
    [InlineData("10_data_source_query_page1_has_more.v2026-03-11.json")]
    [InlineData("11_data_source_query_page2_last.v2026-03-11.json")]
    [InlineData("18_page_update_status_by_name.v2026-03-11.json")]
    [InlineData("20_page_trash.v2026-03-11.json")]
    [InlineData("21_page_restore.v2026-03-11.json")]
    public async Task Client_RecordedRequest_SendsTheSameBody(string file)
    {
        var entry = Conformance.Manifest().Single(e => e.File == file);
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(entry.Status, Conformance.Read(file));

        await CallAsync(host.Client, entry);

        var sent = JsonNode.Parse(Assert.Single(host.Server.Requests).Body);
        Assert.True(JsonNode.DeepEquals(entry.RequestBody, sent), $"sent {sent?.ToJsonString()}");
        Assert.StartsWith("application/json", Assert.Single(host.Server.Requests).Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_IssueRecordedRateLimitBody_MapsToRateLimitedException()
    {
        await using var host = await NotionTestHost.StartAsync(o => o.MaxRetries = 0);
        host.Server.Enqueue(429, File.ReadAllText(Path.Combine(Conformance.Directory, "from-issues", "error_429_rate_limited.json")),
            ("Retry-After", "7"));

        var ex = await Assert.ThrowsAsync<NotionApiException>(() => host.Client.Users.MeAsync());

        Assert.Equal((429, "rate_limited", TimeSpan.FromSeconds(7)), (ex.Status, ex.Code, ex.RetryAfter!.Value));
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Client_IssueRecordedValidationBody_MapsMessage()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(400, File.ReadAllText(Path.Combine(Conformance.Directory, "from-issues", "error_400_validation_error_text_content_length.json")));

        var ex = await Assert.ThrowsAsync<NotionApiException>(() => host.Client.Users.MeAsync());

        Assert.Equal("validation_error", ex.Code);
        Assert.Contains("should be ≤ `2000`", ex.Message, StringComparison.Ordinal);
        Assert.Equal("920e48d7-7847-4ac3-8920-c707daa2bc5d", ex.RequestId);
    }

    private static async Task<object> CallAsync(NotionClient client, ManifestEntry entry)
    {
        var segments = entry.Uri.AbsolutePath.Trim('/').Split('/');
        return (entry.Method, segments[1], segments.Length) switch
        {
            ("GET", "databases", 3) => await client.Databases.RetrieveAsync(segments[2]),
            ("POST", "databases", 2) => await client.Databases.CreateAsync("00000000-0000-4000-8000-000000000001", "Schema B",
                new Dictionary<string, PropertySchemaInput> { ["Title"] = PropertySchemaInput.Title() }),
            ("GET", "data_sources", 3) => await client.DataSources.RetrieveAsync(segments[2]),
            ("POST", "data_sources", 4) => await client.DataSources.QueryPageAsync(segments[2], new DataSourceQuery { PageSize = 100 },
                entry.RequestBody?["start_cursor"]?.GetValue<string>()),
            ("POST", "pages", 2) => await client.Pages.CreateAsync(new CreatePageRequest
            {
                ParentPageId = "393abc1eedcd80f3813be205934558c6",
                Properties = new Dictionary<string, PropertyInput> { ["title"] = PropertyInput.Title("Test Page") },
            }),
            ("GET", "pages", 3) => await client.Pages.RetrieveAsync(segments[2]),
            ("GET", "pages", 5) => await client.Pages.GetPropertyItemsAsync(segments[2], segments[4]).ToListAsync(),
            ("PATCH", "pages", 3) => await client.Pages.UpdateAsync(segments[2], UpdateFrom(entry.RequestBody!)),
            ("GET", "users", 3) => await client.Users.RetrieveAsync(segments[2]),
            ("GET", _, _) => await client.Users.MeAsync(), // /v1/users (list) and /v1/invalid: the call does not matter
            _ => throw new InvalidOperationException($"No client call for {entry.Method} {entry.Uri}"),
        };
    }

    private static bool IsUnmodelledEndpoint(ManifestEntry entry) => entry.Uri.AbsolutePath is "/v1/users" or "/v1/invalid";

    private static UpdatePageRequest UpdateFrom(JsonNode body) =>
        body["in_trash"] is { } inTrash
            ? new UpdatePageRequest { InTrash = inTrash.GetValue<bool>() }
            : body["properties"]!["Status"] is not null
                ? new UpdatePageRequest { Properties = new Dictionary<string, PropertyInput> { ["Status"] = PropertyInput.Status("Blocked") } }
                : new UpdatePageRequest
                {
                    Properties = new Dictionary<string, PropertyInput>
                    {
                        ["Due Date"] = PropertyInput.Date(new DateTimeOffset(2024, 1, 8, 12, 0, 0, TimeSpan.Zero)),
                    },
                };
}
