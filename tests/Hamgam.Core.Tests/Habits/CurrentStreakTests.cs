using Hamgam.Core.Habits;

namespace Hamgam.Core.Tests.Habits;

public sealed class CurrentStreakTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void CurrentStreak_NoCheckIns_IsZero()
    {
        Assert.Equal(0, StreakCalculator.CurrentStreak([], D(2025, 1, 1), "Daily"));
    }

    [Fact]
    public void CurrentStreak_CheckedInToday_CountsBackToTheGap()
    {
        DateOnly[] days = [D(2025, 1, 1), D(2025, 1, 3), D(2025, 1, 4), D(2025, 1, 5), D(2025, 1, 5)];

        Assert.Equal(3, StreakCalculator.CurrentStreak(days, D(2025, 1, 5), "Daily"));
    }

    [Fact]
    public void CurrentStreak_NotYetCheckedInToday_StillAliveFromYesterday()
    {
        DateOnly[] days = [D(2025, 1, 4), D(2025, 1, 5)];

        Assert.Equal(2, StreakCalculator.CurrentStreak(days, D(2025, 1, 6), "Daily"));
        Assert.Equal(0, StreakCalculator.CurrentStreak(days, D(2025, 1, 7), "Daily"));
    }

    [Fact]
    public void CurrentStreak_FutureCheckInsAreIgnored()
    {
        DateOnly[] days = [D(2025, 1, 5), D(2025, 1, 6), D(2025, 1, 7)];

        Assert.Equal(1, StreakCalculator.CurrentStreak(days, D(2025, 1, 5), "Daily"));
    }

    [Fact]
    public void CurrentStreak_Weekly_CountsPersianWeeks()
    {
        DateOnly[] days = [D(2024, 12, 27), D(2025, 1, 3), D(2025, 1, 4), D(2025, 1, 17)]; // weeks from Saturday 12-21, 12-28, 01-04, 01-11

        Assert.Equal(4, StreakCalculator.CurrentStreak(days, D(2025, 1, 17), "Weekly"));
        Assert.Equal(3, StreakCalculator.CurrentStreak(days[..3], D(2025, 1, 10), "Weekly"));
    }

    [Fact]
    public void CurrentStreak_Monthly_CountsSolarHijriMonths()
    {
        DateOnly[] days = [D(2025, 2, 1), D(2025, 3, 1), D(2025, 3, 21)]; // Bahman, Esfand, Farvardin

        Assert.Equal(3, StreakCalculator.CurrentStreak(days, D(2025, 4, 15), "Monthly"));
    }

    [Fact]
    public void CurrentStreak_MatchesCheckInReplay()
    {
        var random = new Random(42);
        for (var run = 0; run < 200; run++)
        {
            var days = Enumerable.Range(0, 30)
                .Where(_ => random.Next(3) != 0)
                .Select(offset => D(2025, 1, 1).AddDays(offset))
                .ToList();
            var state = days.Aggregate(HabitStreakState.New, (s, d) => StreakCalculator.CheckIn(s, d, "Daily").State);
            var lastDay = days.Count == 0 ? D(2025, 1, 1) : days[^1];

            Assert.Equal(days.Count == 0 ? 0 : state.Streak, StreakCalculator.CurrentStreak(days, lastDay, "Daily"));
            Assert.Equal(days.Count, state.Counter);
        }
    }

    [Fact]
    public void EffectiveStreak_AliveWithinOnePeriodElseZero()
    {
        var state = new HabitStreakState(9, 4, 6, D(2025, 1, 5));

        Assert.Equal(4, StreakCalculator.EffectiveStreak(state, D(2025, 1, 5), "Daily"));
        Assert.Equal(4, StreakCalculator.EffectiveStreak(state, D(2025, 1, 6), "Daily"));
        Assert.Equal(0, StreakCalculator.EffectiveStreak(state, D(2025, 1, 7), "Daily"));
        Assert.Equal(4, StreakCalculator.EffectiveStreak(state, D(2025, 1, 17), "Weekly"));
        Assert.Equal(9, StreakCalculator.EffectiveStreak(new HabitStreakState(12, 9, 15, null), D(2025, 1, 17), "Daily"));
        Assert.Equal(0, StreakCalculator.EffectiveStreak(HabitStreakState.New, D(2025, 1, 7), "Daily"));
    }
}
