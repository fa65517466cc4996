using Hamgam.Notion.Tests.Support;

namespace Hamgam.Notion.Tests;

/// <summary>Retries over real HTTP against a scripted server; time is fake, so nothing sleeps.</summary>
public sealed class RetryTests
{
    private const string Me = """{"object":"user","id":"00000000-0000-4000-8000-0000000000f1","type":"bot","bot":{},"name":"Hamgam"}""";
    private const string RateLimited = """{"object":"error","status":429,"code":"rate_limited","message":"You have been rate limited.","request_id":"r429"}""";
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(70);

    [Fact]
    public async Task Send_429WithRetryAfterSeconds_RetriesAfterExactlyThatDelay()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(429, RateLimited, ("Retry-After", "2"));
        host.Server.Enqueue(200, Me);

        var call = host.Client.Users.MeAsync();
        await host.Server.WaitForRequestsAsync(1);
        var delay = await host.Clock.WaitForScheduledAsync(d => d != AttemptTimeout);
        host.Clock.Advance(TimeSpan.FromMilliseconds(1999));
        host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var user = await call;

        Assert.Equal(TimeSpan.FromSeconds(2), delay);
        Assert.Equal("Hamgam", user.Name);
        var requests = host.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(2));
        Assert.Equal(1, host.Meter.GetSnapshot().RateLimited);
        Assert.Equal(2, host.Meter.GetSnapshot().Total);
    }

    [Fact]
    public async Task Send_429WithRetryAfterHttpDate_WaitsUntilThatDate()
    {
        await using var host = await NotionTestHost.StartAsync();
        var retryAt = host.Clock.GetUtcNow().AddSeconds(5);
        host.Server.Enqueue(429, RateLimited, ("Retry-After", retryAt.ToString("R")));
        host.Server.Enqueue(200, Me);

        var call = host.Client.Users.MeAsync();
        var delay = await host.Clock.WaitForScheduledAsync(d => d != AttemptTimeout);
        host.Clock.Advance(delay);
        await call;

        Assert.Equal(TimeSpan.FromSeconds(5), delay);
        Assert.True(host.Server.Requests[1].At >= retryAt);
    }

    [Fact]
    public async Task Send_429WithoutRetryAfter_BacksOffAndRetries()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(429, RateLimited);
        host.Server.Enqueue(200, Me);

        var call = host.Client.Users.MeAsync();
        var delay = await host.Clock.WaitForScheduledAsync(d => d != AttemptTimeout);
        host.Clock.Advance(delay);
        await call;

        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(529)]
    [InlineData(409)]
    public async Task Send_TransientStatusOnRead_IsRetriedWithBackoff(int status)
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(status, $$"""{"object":"error","status":{{status}},"code":"x","message":"m","request_id":"r"}""");
        host.Server.Enqueue(200, Me);

        var call = host.Client.Users.MeAsync();
        var delay = await host.Clock.WaitForScheduledAsync(d => d != AttemptTimeout);
        host.Clock.Advance(delay);
        await call;

        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Theory]
    [InlineData(400, "validation_error")]
    [InlineData(401, "unauthorized")]
    [InlineData(403, "restricted_resource")]
    [InlineData(404, "object_not_found")]
    public async Task Send_ClientError_IsNeverRetried(int status, string code)
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(status, $$"""{"object":"error","status":{{status}},"code":"{{code}}","message":"m","request_id":"r"}""");
        host.Server.Enqueue(200, Me);

        var ex = await Assert.ThrowsAsync<NotionApiException>(() => host.Client.Users.MeAsync());

        Assert.Equal((status, code), (ex.Status, ex.Code));
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task CreatePage_500_IsNotRetried()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(500, """{"object":"error","status":500,"code":"internal_server_error","message":"m","request_id":"r"}""");
        host.Server.Enqueue(200, Conformance.ReadPrefixed("12"));

        var ex = await Assert.ThrowsAsync<NotionApiException>(() => host.Client.Pages.CreateAsync(NewPage()));

        Assert.Equal(500, ex.Status);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task CreatePage_Timeout_IsNotRetried()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.EnqueueHang();

        var call = host.Client.Pages.CreateAsync(NewPage());
        await host.Server.WaitForRequestsAsync(1);
        await host.Clock.WaitForScheduledAsync(d => d == AttemptTimeout);
        host.Clock.Advance(AttemptTimeout);
        var ex = await Assert.ThrowsAsync<NotionApiException>(() => call);

        Assert.Equal((0, "timeout"), (ex.Status, ex.Code));
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task CreatePage_429_IsRetried()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.Enqueue(429, RateLimited, ("Retry-After", "1"));
        host.Server.Enqueue(200, Conformance.ReadPrefixed("12"));

        var call = host.Client.Pages.CreateAsync(NewPage());
        host.Clock.Advance(await host.Clock.WaitForScheduledAsync(d => d == TimeSpan.FromSeconds(1)));
        var page = await call;

        Assert.Equal("38c9ce7b-60a4-8186-8656-f538500d99fc", page.Id);
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Query_Timeout_IsRetried()
    {
        await using var host = await NotionTestHost.StartAsync();
        host.Server.EnqueueHang();
        host.Server.Enqueue(200, Conformance.ReadPrefixed("11"));

        var call = host.Client.DataSources.QueryPageAsync("ds", new DataSourceQuery());
        await host.Server.WaitForRequestsAsync(1);
        await host.Clock.WaitForScheduledAsync(d => d == AttemptTimeout);
        host.Clock.Advance(AttemptTimeout);
        var backoff = await host.Clock.WaitForScheduledAsync(d => d != AttemptTimeout);
        host.Clock.Advance(backoff);
        var page = await call;

        Assert.Equal(10, page.Results.Count);
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Send_RetryAfterBeyondMax_FailsFastWithRetryAfter()
    {
        await using var host = await NotionTestHost.StartAsync(o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));
        host.Server.Enqueue(429, RateLimited, ("Retry-After", "600"));

        var ex = await Assert.ThrowsAsync<NotionApiException>(() => host.Client.Users.MeAsync());

        Assert.Equal(TimeSpan.FromMinutes(10), ex.RetryAfter);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task Send_CloudflareHtml502_MapsToClearException()
    {
        await using var host = await NotionTestHost.StartAsync(o => o.MaxRetries = 0);
        host.Server.EnqueueRaw(502, "<html><body>502 Bad Gateway</body></html>", "text/html", ("cf-ray", "8abc-FRA"));

        var ex = await Assert.ThrowsAsync<NotionApiException>(() => host.Client.Users.MeAsync());

        Assert.Equal((502, "non_json_response", null), (ex.Status, ex.Code, ex.RequestId));
        Assert.Contains("Cloudflare", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Send_RetriesExhausted_ThrowsLastError()
    {
        await using var host = await NotionTestHost.StartAsync(o => o.MaxRetries = 1);
        host.Server.Enqueue(503, """{"object":"error","status":503,"code":"service_unavailable","message":"m","request_id":"r1"}""");
        host.Server.Enqueue(503, """{"object":"error","status":503,"code":"service_unavailable","message":"m","request_id":"r2"}""");

        var call = Assert.ThrowsAsync<NotionApiException>(() => host.Client.Users.MeAsync());
        host.Clock.Advance(await host.Clock.WaitForScheduledAsync(d => d != AttemptTimeout));
        var ex = await call;

        Assert.Equal(("service_unavailable", "r2"), (ex.Code, ex.RequestId));
        Assert.Equal(2, host.Server.Requests.Count);
    }

    private static CreatePageRequest NewPage() =>
        CreatePageRequest.InDataSource("458a194e-6908-4035-b222-946d546e5610",
            new Dictionary<string, PropertyInput> { ["Title"] = PropertyInput.Title("Title") });
}
