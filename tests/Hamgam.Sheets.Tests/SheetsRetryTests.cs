using System.Net;
using System.Net.Http.Headers;
using Hamgam.Sheets.Http;

namespace Hamgam.Sheets.Tests;

public sealed class SheetsRetryTests
{
    [Fact]
    public async Task Get_TwoServerErrors_IsRetriedWithBackoffAndSucceeds()
    {
        await using var harness = await SheetsClientHarness.StartAsync();
        harness.Emulator.Faults.FailNext(503);
        harness.Emulator.Faults.FailNext(502);
        var start = harness.Clock.GetUtcNow();

        var spreadsheet = await harness.DriveAsync(harness.Client.Spreadsheets.GetAsync(harness.SpreadsheetId, "spreadsheetId"));

        Assert.Equal(harness.SpreadsheetId, spreadsheet.SpreadsheetId);
        Assert.Equal(3, harness.Emulator.RequestCount);
        Assert.Equal(3, harness.Meter.TotalRequests);
        Assert.True(harness.Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(3), "backoff 2^0 + 2^1 s at least");
    }

    [Fact]
    public async Task Write_PerUserQuota429_WaitsAtLeastAMinuteThenSucceeds()
    {
        await using var harness = await SheetsClientHarness.StartAsync(quota: true, writesPerMinute: 1);
        await harness.Client.Values.ClearAsync(harness.SpreadsheetId, "Sheet1!A1");

        var call = harness.Client.Values.UpdateAsync(harness.SpreadsheetId, "Sheet1!A1", [["بعد از یک دقیقه"]], ValueInputOption.Raw);
        await SheetsClientHarness.WaitUntilAsync(() => harness.Meter.TotalRequests == 2);
        harness.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(2, harness.Emulator.RequestCount);
        Assert.Equal(1, harness.Meter.ThrottledInLastHour);
        var response = await harness.DriveAsync(call);

        Assert.Equal("Sheet1!A1", response.UpdatedRange);
        Assert.True(3 == harness.Emulator.RequestCount, $"throttled {harness.Meter.ThrottledInLastHour}, meter {harness.Meter.TotalRequests}, elapsed {harness.Clock.GetUtcNow()}");
        Assert.Equal([["بعد از یک دقیقه"]], harness.Emulator.Spreadsheets.ReadCells(harness.SpreadsheetId, "Sheet1"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Call_ClientErrors_AreNotRetried(int status)
    {
        await using var harness = await SheetsClientHarness.StartAsync();
        harness.Emulator.Faults.FailNext(status);

        var error = await Assert.ThrowsAsync<SheetsApiException>(() => harness.Client.Values.GetAsync(harness.SpreadsheetId, "Sheet1!A1"));

        Assert.Equal(status, error.Status);
        Assert.Equal(1, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task Call_RealClientErrors_MapAndAreNotRetried()
    {
        await using var harness = await SheetsClientHarness.StartAsync();
        var unshared = harness.Emulator.Spreadsheets.CreateSpreadsheet(sharedWith: ["someone-else@example.com"]);

        var badRange = await Assert.ThrowsAsync<SheetsApiException>(() => harness.Client.Values.GetAsync(harness.SpreadsheetId, "'No such tab'!A1"));
        var denied = await Assert.ThrowsAsync<SheetsApiException>(() => harness.Client.Spreadsheets.GetAsync(unshared));
        var missing = await Assert.ThrowsAsync<SheetsApiException>(() => harness.Client.Spreadsheets.GetAsync("no-such-spreadsheet"));

        Assert.Equal((400, "INVALID_ARGUMENT", "Unable to parse range: 'No such tab'!A1"), (badRange.Status, badRange.GoogleStatus, badRange.Message));
        Assert.Equal((403, "PERMISSION_DENIED"), (denied.Status, denied.GoogleStatus));
        Assert.Equal((404, "NOT_FOUND"), (missing.Status, missing.GoogleStatus));
        Assert.Equal(3, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task Append_ServerError_IsNotRetriedBecauseItMayHaveBeenApplied()
    {
        await using var harness = await SheetsClientHarness.StartAsync();
        harness.Emulator.Faults.FailNext(503);

        var error = await Assert.ThrowsAsync<SheetsApiException>(() => harness.Client.Values.AppendAsync(harness.SpreadsheetId, "Sheet1!A1", [["x"]], ValueInputOption.Raw));

        Assert.Equal((503, "UNAVAILABLE"), (error.Status, error.GoogleStatus));
        Assert.Equal(1, harness.Emulator.RequestCount);
    }

    [Fact]
    public async Task Get_DroppedConnection_IsRetried()
    {
        await using var harness = await SheetsClientHarness.StartAsync();
        harness.Emulator.Faults.DropNext();

        var range = await harness.DriveAsync(harness.Client.Values.GetAsync(harness.SpreadsheetId, "Sheet1!A1"));

        Assert.Equal("Sheet1!A1", range.Range);
        Assert.True(harness.Emulator.RequestCount >= 2, "the dropped request was sent again");
    }

    [Fact]
    public async Task Call_TokenExpiredAtEmulator_RefreshesOnceAndSucceeds()
    {
        await using var harness = await SheetsClientHarness.StartAsync();
        await harness.Client.Values.GetAsync(harness.SpreadsheetId, "Sheet1!A1");
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var range = await harness.Client.Values.GetAsync(harness.SpreadsheetId, "Sheet1!A1");

        Assert.Equal("Sheet1!A1", range.Range);
        Assert.Equal(3, harness.Emulator.RequestCount);
    }

    [Theory]
    [InlineData(0, 1, 2)]
    [InlineData(1, 2, 3)]
    [InlineData(3, 8, 9)]
    [InlineData(10, 32, 32)]
    public void Delay_ServerError_IsTruncatedExponential(int attempt, double atLeast, double atMost)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var options = new SheetsClientOptions();

        var low = SheetsRetry.Delay(attempt, response, options, 0);
        var high = SheetsRetry.Delay(attempt, response, options, 0.999);

        Assert.Equal(atLeast, low.TotalSeconds, 3);
        Assert.InRange(high.TotalSeconds, atLeast, atMost);
    }

    [Fact]
    public void Delay_TooManyRequests_IsAtLeastAMinute_AndRetryAfterIsHonoured()
    {
        using var quota = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        using var later = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        later.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(45));

        Assert.True(SheetsRetry.Delay(0, quota, new SheetsClientOptions(), 0) >= TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.FromSeconds(45), SheetsRetry.Delay(0, later, new SheetsClientOptions(), 0));
    }

    [Fact]
    public async Task Meter_CountsRequestsInLastMinuteAndHour()
    {
        await using var harness = await SheetsClientHarness.StartAsync();
        await harness.Client.Values.GetAsync(harness.SpreadsheetId, "Sheet1!A1");
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await harness.Client.Values.GetAsync(harness.SpreadsheetId, "Sheet1!A1");

        Assert.Equal((1, 2), (harness.Meter.RequestsInLastMinute, harness.Meter.RequestsInLastHour));
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal((0, 0, 2L), (harness.Meter.RequestsInLastMinute, harness.Meter.RequestsInLastHour, harness.Meter.TotalRequests));
    }
}
