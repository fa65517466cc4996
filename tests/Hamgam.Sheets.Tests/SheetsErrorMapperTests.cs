using System.Text.Json.Nodes;
using Hamgam.Testing;

namespace Hamgam.Sheets.Tests;

public sealed class SheetsErrorMapperTests
{
    public static TheoryData<string> RecordedErrors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestEnvironment.SheetsConformance, "error_*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedErrors))]
    public void Map_RecordedErrorBody_KeepsStatusCodeAndMessage(string file)
    {
        var body = File.ReadAllText(Path.Combine(TestEnvironment.SheetsConformance, file));
        var error = JsonNode.Parse(body)!["error"]!;

        var mapped = SheetsErrorMapper.Map((int)error["code"]!, body);

        Assert.Equal((int)error["code"]!, mapped.Status);
        Assert.Equal((string?)error["status"], mapped.GoogleStatus);
        Assert.Equal((string?)error["message"], mapped.Message);
        Assert.Null(mapped.RetryAfter);
    }

    [Fact]
    public void Map_RecordedErrors_ExposeTheirDetails()
    {
        var quota = SheetsErrorMapper.Map(429, Read("error_429_read_quota_per_user.json"));
        var disabled = SheetsErrorMapper.Map(403, Read("error_403_service_disabled.json"));
        var mask = SheetsErrorMapper.Map(400, Read("error_400_bad_field_mask.json"));
        var listValue = SheetsErrorMapper.Map(400, Read("error_400_invalid_value_listvalue.json"));

        Assert.True(quota.IsQuotaExceeded);
        Assert.Equal(("RATE_LIMIT_EXCEEDED", "ReadRequestsPerMinutePerUser"), (quota.Reason, quota.QuotaLimit));
        Assert.Equal("SERVICE_DISABLED", disabled.Reason);
        Assert.Equal("sheets.sheetProperties", Assert.Single(mask.FieldViolations).Field);
        Assert.Equal("data.values", Assert.Single(listValue.FieldViolations).Field);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><title>Error 502 (Server Error)!!1</title>")]
    [InlineData("")]
    [InlineData("[1,2]")]
    public void Map_BodyNotGoogleEnvelope_KeepsStatusOnly(string body)
    {
        var mapped = SheetsErrorMapper.Map(502, body, new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal((502, null, TimeSpan.FromSeconds(7)), (mapped.Status, mapped.GoogleStatus, mapped.RetryAfter));
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(TestEnvironment.SheetsConformance, file));
}
