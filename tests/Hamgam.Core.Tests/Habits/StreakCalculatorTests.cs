using Hamgam.Core.Habits;
using Hamgam.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Core.Tests.Habits;

public sealed class StreakCalculatorTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static HabitStreakState CheckInOn(string? frequency, params DateOnly[] days) =>
        days.Aggregate(HabitStreakState.New, (state, day) => StreakCalculator.CheckIn(state, day, frequency).State);

    [Fact]
    public void CheckIn_FirstEver_StartsStreakAtOne()
    {
        var result = StreakCalculator.CheckIn(HabitStreakState.New, D(2025, 1, 4), "Daily");

        Assert.Equal(new HabitStreakState(1, 1, 1, D(2025, 1, 4)), result.State);
        Assert.False(result.AlreadyCheckedInThisPeriod);
    }

    [Fact]
    public void CheckIn_ConsecutiveDays_ExtendsStreak()
    {
        var state = CheckInOn("Daily", D(2025, 1, 4), D(2025, 1, 5), D(2025, 1, 6));

        Assert.Equal(new HabitStreakState(3, 3, 3, D(2025, 1, 6)), state);
    }

    [Fact]
    public void CheckIn_TwiceSameDay_CountsButKeepsStreak()
    {
        var state = new HabitStreakState(4, 2, 5, D(2025, 1, 6));

        var result = StreakCalculator.CheckIn(state, D(2025, 1, 6), "Daily");

        Assert.True(result.AlreadyCheckedInThisPeriod);
        Assert.Equal(new HabitStreakState(5, 2, 5, D(2025, 1, 6)), result.State);
    }

    [Fact]
    public void CheckIn_AfterMissedDay_ResetsStreakToOneKeepsBest()
    {
        var state = new HabitStreakState(10, 4, 4, D(2025, 1, 6));

        var result = StreakCalculator.CheckIn(state, D(2025, 1, 8), "Daily");

        Assert.Equal(new HabitStreakState(11, 1, 4, D(2025, 1, 8)), result.State);
    }

    [Fact]
    public void CheckIn_StreakPassesBest_BestFollows()
    {
        var state = new HabitStreakState(10, 5, 5, D(2025, 1, 6));

        var result = StreakCalculator.CheckIn(state, D(2025, 1, 7), "Daily");

        Assert.Equal(6, result.State.Streak);
        Assert.Equal(6, result.State.BestStreak);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Sometimes")]
    [InlineData("روزانه")]
    public void CheckIn_NullUnknownOrPersianDaily_UsesDays(string? frequency)
    {
        var state = CheckInOn(frequency, D(2025, 1, 4), D(2025, 1, 5), D(2025, 1, 7));

        Assert.Equal(1, state.Streak);
        Assert.Equal(2, state.BestStreak);
    }

    [Fact]
    public void CheckIn_BackdatedBeforeLastCheckIn_CountsAsSamePeriodAndKeepsLastDay()
    {
        var state = new HabitStreakState(3, 3, 3, D(2025, 1, 10));

        var result = StreakCalculator.CheckIn(state, D(2025, 1, 9), "Daily");

        Assert.True(result.AlreadyCheckedInThisPeriod);
        Assert.Equal(new HabitStreakState(4, 3, 3, D(2025, 1, 10)), result.State);
    }

    [Fact]
    public void CheckIn_Weekly_FridayThenSaturdayAreConsecutivePersianWeeks()
    {
        var state = CheckInOn("Weekly", D(2025, 1, 10), D(2025, 1, 11)); // Friday, then Saturday

        Assert.Equal(2, state.Streak);
    }

    [Fact]
    public void CheckIn_Weekly_SaturdayThenFridayAreTheSameWeek()
    {
        var first = StreakCalculator.CheckIn(HabitStreakState.New, D(2025, 1, 4), "هفتگی").State;

        var result = StreakCalculator.CheckIn(first, D(2025, 1, 10), "هفتگی");

        Assert.True(result.AlreadyCheckedInThisPeriod);
        Assert.Equal(new HabitStreakState(2, 1, 1, D(2025, 1, 4)), result.State);
    }

    [Fact]
    public void CheckIn_Weekly_SkippedWeekResets()
    {
        var state = CheckInOn("weekly", D(2025, 1, 4), D(2025, 1, 11), D(2025, 1, 25));

        Assert.Equal(1, state.Streak);
        Assert.Equal(2, state.BestStreak);
    }

    [Fact]
    public void CheckIn_Monthly_EsfandThenFarvardinAreConsecutiveSolarHijriMonths()
    {
        var state = CheckInOn("Monthly", D(2025, 3, 20), D(2025, 3, 21)); // 1403/12/30, then 1404/01/01

        Assert.Equal(2, state.Streak);
    }

    [Fact]
    public void CheckIn_Monthly_GregorianMonthChangeInsideOnePersianMonth_IsSamePeriod()
    {
        var first = StreakCalculator.CheckIn(HabitStreakState.New, D(2025, 1, 31), "ماهانه").State; // 1403/11/12

        var result = StreakCalculator.CheckIn(first, D(2025, 2, 1), "ماهانه"); // 1403/11/13

        Assert.True(result.AlreadyCheckedInThisPeriod);
    }

    [Fact]
    public void CheckIn_Monthly_SkippedMonthResets()
    {
        var state = CheckInOn("Monthly", D(2025, 1, 25), D(2025, 2, 25), D(2025, 4, 25)); // Bahman, Esfand, Ordibehesht

        Assert.Equal(1, state.Streak);
        Assert.Equal(2, state.BestStreak);
    }

    [Fact]
    public void CheckIn_UsesTheUsersDayNotUtc()
    {
        var tehran = UserClock.ResolveZone("Asia/Tehran");
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 10, 5, 0, 0, TimeSpan.Zero));
        var clock = new UserClock(time, tehran);
        var state = StreakCalculator.CheckIn(HabitStreakState.New, clock.Today, "Daily").State;

        time.SetUtcNow(new DateTimeOffset(2025, 6, 10, 21, 0, 0, TimeSpan.Zero)); // same UTC date, next Tehran day
        var result = StreakCalculator.CheckIn(state, clock.Today, "Daily");

        Assert.False(result.AlreadyCheckedInThisPeriod);
        Assert.Equal(2, result.State.Streak);
    }
}
