using Hamgam.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Core.Tests.Time;

public sealed class UserClockTests
{
    private static readonly TimeZoneInfo Tehran = UserClock.ResolveZone("Asia/Tehran");

    private static UserClock ClockAt(string utcInstant, TimeZoneInfo? zone = null) =>
        new(new FakeTimeProvider(DateTimeOffset.Parse(utcInstant, System.Globalization.CultureInfo.InvariantCulture)), zone ?? Tehran);

    [Fact]
    public void Today_JustBeforeTehranMidnight_IsPreviousDay()
    {
        var clock = ClockAt("2025-06-10T20:29:59Z");

        Assert.Equal(new DateOnly(2025, 6, 10), clock.Today);
    }

    [Fact]
    public void Today_AtTehranMidnight_IsNextDayWhileUtcDateIsStillPrevious()
    {
        var clock = ClockAt("2025-06-10T20:30:00Z");

        Assert.Equal(new DateOnly(2025, 6, 11), clock.Today);
        Assert.Equal(new DateOnly(2025, 6, 10), DateOnly.FromDateTime(clock.Now.UtcDateTime));
    }

    [Fact]
    public void Today_AdvancesWhenFakeTimeCrossesMidnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 20, 20, 0, 0, TimeSpan.Zero));
        var clock = new UserClock(time, Tehran);
        Assert.Equal(new DateOnly(2025, 3, 20), clock.Today);

        time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(new DateOnly(2025, 3, 21), clock.Today);
    }

    [Fact]
    public void Now_IsUtc()
    {
        var clock = ClockAt("2025-06-10T20:30:00Z");

        Assert.Equal(TimeSpan.Zero, clock.Now.Offset);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 20, 30, 0, TimeSpan.Zero), clock.Now);
    }

    [Fact]
    public void StartOfDay_Tehran2025_Is2030UtcOfPreviousDay()
    {
        // tzdata on this machine: Iran abolished daylight saving after September 2022, so +03:30 all year.
        var clock = ClockAt("2025-01-01T00:00:00Z");

        Assert.Equal(new DateTimeOffset(2025, 6, 10, 20, 30, 0, TimeSpan.Zero), clock.StartOfDay(new DateOnly(2025, 6, 11)));
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 20, 30, 0, TimeSpan.Zero), clock.StartOfDay(new DateOnly(2026, 1, 1)));
        Assert.Equal(TimeSpan.Zero, clock.StartOfDay(new DateOnly(2025, 6, 11)).Offset);
    }

    [Fact]
    public void StartOfDay_TehranSummer2021WithDaylightSaving_Is1930Utc()
    {
        var clock = ClockAt("2021-06-01T00:00:00Z");

        Assert.Equal(new DateTimeOffset(2021, 6, 14, 19, 30, 0, TimeSpan.Zero), clock.StartOfDay(new DateOnly(2021, 6, 15)));
    }

    [Fact]
    public void StartOfDay_MidnightSkippedBySpringForward_IsTheInstantOfTheJump()
    {
        // 2022-03-22 00:00 Tehran did not exist: clocks went from 23:59:59 (+03:30) to 01:00 (+04:30).
        var clock = ClockAt("2022-03-01T00:00:00Z");

        var start = clock.StartOfDay(new DateOnly(2022, 3, 22));

        Assert.Equal(new DateTimeOffset(2022, 3, 21, 20, 30, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateOnly(2022, 3, 22), clock.ToUserDay(start));
        Assert.Equal(new DateOnly(2022, 3, 21), clock.ToUserDay(start.AddSeconds(-1)));
    }

    [Fact]
    public void EndOfDay_IsStartOfNextDay()
    {
        var clock = ClockAt("2025-01-01T00:00:00Z");

        Assert.Equal(clock.StartOfDay(new DateOnly(2025, 1, 2)), clock.EndOfDay(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void ToUserDay_OtherZone_UsesThatZonesMidnight()
    {
        var berlin = UserClock.ResolveZone("Europe/Berlin");
        var clock = ClockAt("2025-01-01T00:00:00Z", berlin);

        Assert.Equal(new DateOnly(2025, 1, 1), clock.ToUserDay(new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2024, 12, 31), clock.ToUserDay(new DateTimeOffset(2024, 12, 31, 22, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void ToUserTime_ShowsTehranOffset()
    {
        var clock = ClockAt("2025-01-01T00:00:00Z");

        var local = clock.ToUserTime(new DateTimeOffset(2025, 6, 10, 20, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 6, 11, 0, 0, 0, TimeSpan.FromHours(3.5)), local);
        Assert.Equal(TimeSpan.FromHours(3.5), local.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ResolveZone_NullOrBlank_DefaultsToTehran(string? id)
    {
        Assert.Equal("Asia/Tehran", UserClock.ResolveZone(id).Id);
    }

    [Fact]
    public void ResolveZone_UnknownId_ThrowsNamingTheId()
    {
        var ex = Assert.Throws<ArgumentException>(() => UserClock.ResolveZone("Mars/Olympus_Mons"));

        Assert.Contains("Mars/Olympus_Mons", ex.Message, StringComparison.Ordinal);
        Assert.Contains("IANA", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolveZone_UnknownId_ReturnsFalse()
    {
        Assert.False(UserClock.TryResolveZone("Nowhere/Atlantis", out _));
        Assert.True(UserClock.TryResolveZone(" Europe/Berlin ", out var zone));
        Assert.Equal("Europe/Berlin", zone.Id);
    }
}
