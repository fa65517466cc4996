using Hamgam.Testing;
using System.Net.Http.Headers;
using Hamgam.Emulators.Sheets;
using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Emulators.Tests.Sheets;

public sealed class QuotaFaultAuthTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Reads_PastPerMinuteQuota_Get429UntilAMinuteHasPassed()
    {
        await using var harness = await SheetsHarness.StartAsync(new SheetsEmulatorOptions { Clock = _clock, ReadsPerMinute = 3, WritesPerMinute = 2 });
        var id = harness.Emulator.Spreadsheets.CreateSpreadsheet();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await harness.GetAsync($"v4/spreadsheets/{id}")).Status);
        }

        var (status, body) = await harness.GetAsync($"v4/spreadsheets/{id}");
        var (writeStatus, _) = await harness.PostAsync($"v4/spreadsheets/{id}/values/A1:clear", null);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var (stillLimited, _) = await harness.GetAsync($"v4/spreadsheets/{id}");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var (afterMinute, _) = await harness.GetAsync($"v4/spreadsheets/{id}");

        Assert.Equal(429, status);
        Assert.Equal("RESOURCE_EXHAUSTED", (string?)body!["error"]!["status"]);
        Assert.Equal("ReadRequestsPerMinutePerUser", (string?)body["error"]!["details"]![0]!["metadata"]!["quota_limit"]);
        Assert.Equal("3", (string?)body["error"]!["details"]![0]!["metadata"]!["quota_limit_value"]);
        Assert.Equal(200, writeStatus);
        Assert.Equal(429, stillLimited);
        Assert.Equal(200, afterMinute);
    }

    [Fact]
    public async Task Quota_IsPerUser()
    {
        await using var harness = await SheetsHarness.StartAsync(new SheetsEmulatorOptions { Clock = _clock, WritesPerMinute = 1 });
        var id = harness.Emulator.Spreadsheets.CreateSpreadsheet();
        var otherKey = harness.Emulator.CreateServiceAccountKeyJson("other@emulator.iam.gserviceaccount.com");
        using var other = new HttpClient(new SocketsHttpHandler()) { BaseAddress = harness.Emulator.BaseUrl };
        other.DefaultRequestHeaders.Authorization = new("Bearer", await SheetsHarness.RequestTokenAsync(other, harness.Emulator.TokenUri, otherKey));

        var first = await harness.PostAsync($"v4/spreadsheets/{id}/values/A1:clear", null);
        var second = await harness.PostAsync($"v4/spreadsheets/{id}/values/A1:clear", null);
        using var otherResponse = await other.PostAsync($"v4/spreadsheets/{id}/values/A1:clear", null);

        Assert.Equal((200, 429, 200), (first.Status, second.Status, (int)otherResponse.StatusCode));
    }

    [Fact]
    public async Task Faults_QueuedStatuses_AnswerInGoogleShapeThenRecover()
    {
        await using var harness = await SheetsHarness.StartAsync();
        var id = harness.Emulator.Spreadsheets.CreateSpreadsheet();
        harness.Emulator.Faults.FailNext(503);
        harness.Emulator.Faults.FailNext(500);

        var (first, body) = await harness.GetAsync($"v4/spreadsheets/{id}");
        var (second, _) = await harness.GetAsync($"v4/spreadsheets/{id}");
        var (third, _) = await harness.GetAsync($"v4/spreadsheets/{id}");

        Assert.Equal((503, 500, 200), (first, second, third));
        Assert.Equal("UNAVAILABLE", (string?)body!["error"]!["status"]);
        Assert.Equal(3, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task Faults_502_IsAnHtmlPage()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.Emulator.Faults.FailNext(502);

        using var response = await harness.Http.GetAsync("v4/spreadsheets/x");

        Assert.Equal(502, (int)response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faults_DroppedConnection_FailsTheRequest()
    {
        await using var harness = await SheetsHarness.StartAsync();
        harness.Emulator.Faults.DropNext();

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Http.GetAsync("v4/spreadsheets/x"));
    }

    [Fact]
    public async Task Faults_Latency_WaitsOnTheEmulatorClock()
    {
        var clock = new DrivenClock(_clock.GetUtcNow());
        await using var harness = await SheetsHarness.StartAsync(new SheetsEmulatorOptions { Clock = clock, QuotaEnabled = false });
        var id = harness.Emulator.Spreadsheets.CreateSpreadsheet();
        harness.Emulator.Faults.Latency = TimeSpan.FromSeconds(5);

        var pending = harness.GetAsync($"v4/spreadsheets/{id}");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (clock.PendingTimers == 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Yield();
        }

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, clock.PendingTimers);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(200, (await pending).Status);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public async Task Auth_MissingOrBadToken_And_NotShared_AreRefused()
    {
        await using var harness = await SheetsHarness.StartAsync();
        var shared = harness.Emulator.Spreadsheets.CreateSpreadsheet(sharedWith: ["someone@example.com"]);
        using var anonymous = new HttpClient(new SocketsHttpHandler()) { BaseAddress = harness.Emulator.BaseUrl };
        using var forged = new HttpClient(new SocketsHttpHandler()) { BaseAddress = harness.Emulator.BaseUrl };
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ya29.forged");

        using var noToken = await anonymous.GetAsync($"v4/spreadsheets/{shared}");
        using var badToken = await forged.GetAsync($"v4/spreadsheets/{shared}");
        var (notShared, body) = await harness.GetAsync($"v4/spreadsheets/{shared}");
        var (missing, _) = await harness.GetAsync("v4/spreadsheets/nope");

        Assert.Equal(403, (int)noToken.StatusCode);
        Assert.Equal(401, (int)badToken.StatusCode);
        Assert.Equal(403, notShared);
        Assert.Equal("The caller does not have permission", (string?)body!["error"]!["message"]);
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task TokenEndpoint_JwtFromUnknownKey_IsInvalidGrant()
    {
        await using var harness = await SheetsHarness.StartAsync();
        await using var other = await SheetsEmulator.StartAsync(new SheetsEmulatorOptions());
        var foreignKey = other.CreateServiceAccountKeyJson();

        await Assert.ThrowsAsync<InvalidOperationException>(() => SheetsHarness.RequestTokenAsync(harness.Http, harness.Emulator.TokenUri, foreignKey));
    }

    [Fact]
    public async Task PersistPath_ContentsSurviveRestart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sheets-{Guid.NewGuid():N}.json");
        try
        {
            string id;
            await using (var first = await SheetsHarness.StartAsync(new SheetsEmulatorOptions { PersistPath = path, QuotaEnabled = false }))
            {
                id = first.Emulator.Spreadsheets.CreateSpreadsheet(title: "ماندگار");
                await first.UpdateValuesAsync(id, "Sheet1!A1", SheetsHarness.Rows(["یک", "=HYPERLINK(\"x\")"]), "USER_ENTERED");
            }

            await using var second = await SheetsEmulator.StartAsync(new SheetsEmulatorOptions { PersistPath = path });

            Assert.Equal([["یک", "x"]], second.Spreadsheets.ReadCells(id, "Sheet1"));
            Assert.Equal("=HYPERLINK(\"x\")", second.Spreadsheets.GetCell(id, "Sheet1", 0, 1)!.Formula);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ContentsView_ListsSpreadsheetsAndCells()
    {
        await using var harness = await SheetsHarness.StartAsync();
        var id = harness.Emulator.Spreadsheets.CreateSpreadsheet();
        await harness.UpdateValuesAsync(id, "Sheet1!A1", SheetsHarness.Rows(["نمایش"]));

        var html = await harness.Http.GetStringAsync("_emulator");

        Assert.Contains(id, html, StringComparison.Ordinal);
        Assert.Contains("نمایش", html, StringComparison.Ordinal);
        Assert.Equal(1, harness.Emulator.RequestCount);
    }
}
