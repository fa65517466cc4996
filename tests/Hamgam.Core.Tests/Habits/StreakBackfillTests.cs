using Hamgam.Core.Habits;

namespace Hamgam.Core.Tests.Habits;

/// <summary>Streaks that came from Notion without a local history, and check-ins for earlier days.</summary>
public sealed class StreakBackfillTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData("Daily")]
    [InlineData("Weekly")]
    [InlineData("Monthly")]
    public void CheckIn_StreakFromNotionWithoutLastCheckIn_ContinuesIt(string frequency)
    {
        var result = StreakCalculator.CheckIn(new HabitStreakState(40, 11, 23, null), D(2026, 11, 24), frequency);

        Assert.Equal(new HabitStreakState(41, 12, 23, D(2026, 11, 24)), result.State);
    }

    [Fact]
    public void CheckIn_NoStreakAndNoLastCheckIn_StartsAtOne()
    {
        Assert.Equal(1, StreakCalculator.CheckIn(new HabitStreakState(7, 0, 4, null), D(2026, 11, 24), "Daily").State.Streak);
    }

    [Fact]
    public void Backfill_DayInsideTheStoredStreak_OnlyCounts()
    {
        var state = new HabitStreakState(40, 11, 23, D(2026, 11, 23));

        var result = StreakCalculator.Backfill(state, D(2026, 11, 20), D(2026, 11, 24), [], "Daily");

        Assert.True(result.AlreadyCheckedInThisPeriod);
        Assert.Equal(new HabitStreakState(41, 11, 23, D(2026, 11, 23)), result.State);
    }

    [Fact]
    public void Backfill_DayJoiningHistoryToTheStoredStreak_JoinsTheRuns()
    {
        // Stored: 3 days ending on the 23rd (21–23); history has the 17th–19th; the 20th joins them.
        var state = new HabitStreakState(6, 3, 3, D(2026, 11, 23));
        DateOnly[] history = [D(2026, 11, 17), D(2026, 11, 18), D(2026, 11, 19), D(2026, 11, 21), D(2026, 11, 22), D(2026, 11, 23)];

        var result = StreakCalculator.Backfill(state, D(2026, 11, 20), D(2026, 11, 24), history, "Daily");

        Assert.Equal(new HabitStreakState(7, 7, 7, D(2026, 11, 23)), result.State);
    }

    [Fact]
    public void Backfill_YesterdayAfterALapse_BecomesTheLastCheckIn()
    {
        var state = new HabitStreakState(10, 4, 9, D(2026, 11, 20));

        var result = StreakCalculator.Backfill(state, D(2026, 11, 23), D(2026, 11, 24), [], "Daily");

        Assert.Equal(new HabitStreakState(11, 1, 9, D(2026, 11, 23)), result.State);
    }

    [Fact]
    public void Backfill_WithoutLastCheckIn_AssumesTheStreakAliveUntilYesterday()
    {
        var state = new HabitStreakState(40, 11, 23, null);

        var yesterday = StreakCalculator.Backfill(state, D(2026, 11, 23), D(2026, 11, 24), [], "Daily");
        var older = StreakCalculator.Backfill(state, D(2026, 11, 1), D(2026, 11, 24), [], "Daily");

        Assert.Equal(new HabitStreakState(41, 11, 23, D(2026, 11, 23)), yesterday.State);
        Assert.Equal(new HabitStreakState(41, 11, 23, null), older.State);
    }

    [Fact]
    public void Backfill_PreviousPersianWeek_ExtendsAWeeklyStreak()
    {
        // Week of Saturday 11-14 checked in (streak 1, last 11-16); the week of 11-07 is filled in on 11-24.
        var state = new HabitStreakState(1, 1, 1, D(2026, 11, 16));

        var result = StreakCalculator.Backfill(state, D(2026, 11, 13), D(2026, 11, 24), [D(2026, 11, 16)], "Weekly");

        Assert.Equal(new HabitStreakState(2, 2, 2, D(2026, 11, 16)), result.State);
    }
}
