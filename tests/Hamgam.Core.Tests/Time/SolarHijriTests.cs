using Hamgam.Core.Time;

namespace Hamgam.Core.Tests.Time;

public sealed class SolarHijriTests
{
    private static readonly TimeZoneInfo Tehran = UserClock.ResolveZone("Asia/Tehran");

    [Theory]
    [InlineData(2025, 3, 21, "1404/01/01")] // Nowruz 1404
    [InlineData(2025, 3, 20, "1403/12/30")] // 1403 is a leap year: Esfand has 30 days
    [InlineData(2024, 3, 20, "1403/01/01")] // Nowruz 1403
    [InlineData(2024, 3, 19, "1402/12/29")]
    [InlineData(2026, 3, 20, "1404/12/29")] // 1404 is not a leap year
    [InlineData(2026, 3, 21, "1405/01/01")]
    [InlineData(2021, 3, 20, "1399/12/30")] // 1399 is a leap year
    [InlineData(2025, 9, 22, "1404/06/31")]
    [InlineData(2025, 9, 23, "1404/07/01")]
    [InlineData(2025, 12, 31, "1404/10/10")]
    public void FormatDate_LatinDigits_ConvertsToSolarHijri(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, SolarHijri.FormatDate(new DateOnly(year, month, day), persianDigits: false));
    }

    [Fact]
    public void FormatDate_DefaultsToPersianDigits()
    {
        Assert.Equal("۱۴۰۴/۰۱/۰۱", SolarHijri.FormatDate(new DateOnly(2025, 3, 21)));
    }

    [Fact]
    public void FormatDate_DateTimeOffset_UsesItsOwnOffsetsDate()
    {
        var tehranMidnight = new DateTimeOffset(2025, 3, 21, 0, 0, 0, TimeSpan.FromHours(3.5));

        Assert.Equal("1404/01/01", SolarHijri.FormatDate(tehranMidnight, persianDigits: false));
        Assert.Equal("1403/12/30", SolarHijri.FormatDate(tehranMidnight.ToUniversalTime(), persianDigits: false));
    }

    [Fact]
    public void FormatDate_InstantAndZone_UsesTheZonesDay()
    {
        var instant = new DateTimeOffset(2025, 3, 20, 20, 30, 0, TimeSpan.Zero);

        Assert.Equal("۱۴۰۴/۰۱/۰۱", SolarHijri.FormatDate(instant, Tehran));
    }

    [Fact]
    public void FormatDateTime_AtNowruzBoundaryInTehran_FlipsYear()
    {
        var nowruz = new DateTimeOffset(2025, 3, 20, 20, 30, 0, TimeSpan.Zero);

        Assert.Equal("1404/01/01 00:00", SolarHijri.FormatDateTime(nowruz, Tehran, persianDigits: false));
        Assert.Equal("1403/12/30 23:59", SolarHijri.FormatDateTime(nowruz.AddMinutes(-1), Tehran, persianDigits: false));
        Assert.Equal("۱۴۰۴/۰۱/۰۱ ۰۰:۰۰", SolarHijri.FormatDateTime(nowruz, Tehran));
    }

    [Fact]
    public void FormatDateTime_AfternoonUtc_Uses24HourClockInZone()
    {
        var instant = new DateTimeOffset(2025, 6, 10, 14, 5, 0, TimeSpan.Zero);

        Assert.Equal("1404/03/20 17:35", SolarHijri.FormatDateTime(instant, Tehran, persianDigits: false));
    }

    [Fact]
    public void ToSolarHijri_And_FromSolarHijri_RoundTrip()
    {
        for (var date = new DateOnly(2023, 1, 1); date <= new DateOnly(2027, 12, 31); date = date.AddDays(1))
        {
            var (year, month, day) = SolarHijri.ToSolarHijri(date);
            Assert.Equal(date, SolarHijri.FromSolarHijri(year, month, day));
        }
    }

    [Fact]
    public void FromSolarHijri_LeapDay_ExistsOnlyInLeapYears()
    {
        Assert.Equal(new DateOnly(2025, 3, 20), SolarHijri.FromSolarHijri(1403, 12, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => SolarHijri.FromSolarHijri(1404, 12, 30));
    }

    [Theory]
    [InlineData(1399, true)]
    [InlineData(1402, false)]
    [InlineData(1403, true)]
    [InlineData(1404, false)]
    public void IsLeapYear_MatchesIranianCalendar(int year, bool leap)
    {
        Assert.Equal(leap, SolarHijri.IsLeapYear(year));
    }

    [Fact]
    public void ToPersianDigits_ConvertsAsciiAndArabicIndicDigits_KeepsOtherText()
    {
        Assert.Equal("۰۱۲۳۴۵۶۷۸۹ ساعت ۱۲:۳۰ ۴۵", SolarHijri.ToPersianDigits("0123456789 ساعت 12:30 ٤٥"));
    }

    [Fact]
    public void ToLatinDigits_ConvertsPersianDigits()
    {
        Assert.Equal("1404/01/01", SolarHijri.ToLatinDigits("۱۴۰۴/۰۱/۰۱"));
    }
}
