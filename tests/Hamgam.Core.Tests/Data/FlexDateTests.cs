using Hamgam.Core.Data;

namespace Hamgam.Core.Tests.Data;

public sealed class FlexDateTests
{
    [Theory]
    [InlineData("2026-07-01", "2026-07-01")]
    [InlineData("2026-06-27T18:01:00.000+01:00", "2026-06-27T18:01:00.000+01:00")]
    [InlineData("2026-06-27T18:01:15.377+01:00", "2026-06-27T18:01:15.377+01:00")]
    [InlineData("2024-01-08T12:00:00Z", "2024-01-08T12:00:00.000Z")]
    [InlineData("2026-11-24T18:30:00.000-05:00", "2026-11-24T18:30:00.000-05:00")]
    [InlineData("2026-11-24T18:30:00", "2026-11-24T18:30:00.000")]
    public void Parse_KeepsDateOnlyTimeAndOffsetAsWritten(string input, string expected)
    {
        Assert.Equal(expected, FlexDate.Parse(input).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a date")]
    [InlineData("2026-13-01")]
    [InlineData("۲۰۲۶-۰۱-۰۱")]
    public void TryParse_Rejects_Garbage(string input)
    {
        Assert.False(FlexDate.TryParse(input, out _));
    }

    [Fact]
    public void ToInstant_DateOnly_IsMidnightInTheUsersZone()
    {
        var tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
        var instant = FlexDate.Parse("2026-11-24").ToInstant(tehran);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }
}
