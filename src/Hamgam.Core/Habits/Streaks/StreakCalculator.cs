using Hamgam.Core.Time;

namespace Hamgam.Core.Habits;

/// <summary>A habit's check-in counters as stored on the habit (and in Notion's Counter, Streak, Best Streak).</summary>
/// <param name="Counter">Total check-ins ever.</param>
/// <param name="Streak">Consecutive periods (days, weeks or months) with at least one check-in, ending at <paramref name="LastCheckIn"/>.</param>
/// <param name="BestStreak">The longest streak so far.</param>
/// <param name="LastCheckIn">The user's calendar day of the latest check-in, if any.</param>
public sealed record HabitStreakState(int Counter, int Streak, int BestStreak, DateOnly? LastCheckIn)
{
    /// <summary>A habit never checked in.</summary>
    public static HabitStreakState New { get; } = new(0, 0, 0, null);
}

/// <summary>The state after a check-in.</summary>
/// <param name="State">The new counters.</param>
/// <param name="AlreadyCheckedInThisPeriod">True when the habit had already been checked in during the period (day, week or month) of the check-in: the counter went up, the streak did not.</param>
public sealed record StreakResult(HabitStreakState State, bool AlreadyCheckedInThisPeriod);

/// <summary>
/// Habit check-ins and streaks, by the habit's Frequency and the user's calendar days (from
/// <see cref="UserClock.Today"/>). Pure: the caller supplies "today".
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Periods: Daily (روزانه, also the default for a null or unknown Frequency) is a day; Weekly (هفتگی)
/// is a Persian week, Saturday to Friday; Monthly (ماهانه) is a Solar Hijri month (Farvardin, Ordibehesht, …),
/// the month a Persian user means by "this month".</item>
/// <item>A check-in always adds one to Counter (it counts check-ins, not periods).</item>
/// <item>The first check-in of a period right after a checked-in period extends the streak by one; after a
/// missed period, or for the first check-in ever, the streak restarts at 1. Further check-ins in the same
/// period leave the streak as it is.</item>
/// <item>With no LastCheckIn (a habit pulled from Notion without a <c>Last Check-in</c> property and not yet
/// checked in here) nothing says the stored streak has lapsed, so the first check-in continues it: a check-in
/// never lowers a streak that came from Notion unless a known last check-in day proves the lapse.</item>
/// <item>Best Streak is the maximum of itself and the streak.</item>
/// <item>A check-in dated before the latest one (a clock or time-zone change) counts like a second check-in
/// in the same period and never moves LastCheckIn backwards.</item>
/// </list>
/// </remarks>
public static class StreakCalculator
{
    /// <summary>Applies one check-in made on <paramref name="today"/> (the user's day).</summary>
    public static StreakResult CheckIn(HabitStreakState state, DateOnly today, string? frequency)
    {
        ArgumentNullException.ThrowIfNull(state);
        var cadence = ParseFrequency(frequency);
        var period = Period(today, cadence);
        var counter = state.Counter + 1;
        if (state.LastCheckIn is DateOnly last && period <= Period(last, cadence))
        {
            var kept = Math.Max(state.Streak, 1);
            var unchanged = new HabitStreakState(counter, kept, Math.Max(state.BestStreak, kept), last);
            return new StreakResult(unchanged, AlreadyCheckedInThisPeriod: true);
        }

        var continues = state.LastCheckIn is DateOnly previous ? period == Period(previous, cadence) + 1 : state.Streak > 0;
        var streak = continues ? state.Streak + 1 : 1;
        return new StreakResult(
            new HabitStreakState(counter, streak, Math.Max(state.BestStreak, streak), today),
            AlreadyCheckedInThisPeriod: false);
    }

    /// <summary>
    /// The streak as of <paramref name="today"/> computed from the check-in days: consecutive checked-in
    /// periods ending at the current period, or at the previous one while the current period has no
    /// check-in yet (the streak is still alive until the period ends). Check-ins after today are ignored.
    /// </summary>
    public static int CurrentStreak(IEnumerable<DateOnly> checkIns, DateOnly today, string? frequency)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var cadence = ParseFrequency(frequency);
        var periods = checkIns.Where(d => d <= today).Select(d => Period(d, cadence)).ToHashSet();
        var current = Period(today, cadence);
        var period = periods.Contains(current) ? current : current - 1;
        var streak = 0;
        while (periods.Contains(period))
        {
            streak++;
            period--;
        }

        return streak;
    }

    /// <summary>
    /// The streak to show on <paramref name="today"/>: the stored streak while it is alive (last check-in in
    /// the current or the previous period), otherwise 0, since a stored streak is only updated by check-ins.
    /// </summary>
    public static int EffectiveStreak(HabitStreakState state, DateOnly today, string? frequency)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.LastCheckIn is not DateOnly last)
        {
            // No check-in recorded here (e.g. the streak came from Notion): the stored streak is all we know.
            return state.Streak;
        }

        var cadence = ParseFrequency(frequency);
        return Period(today, cadence) - Period(last, cadence) <= 1 ? state.Streak : 0;
    }

    /// <summary>
    /// Applies a check-in for an earlier <paramref name="day"/> (e.g. from the heat map) and recomputes the streak
    /// from what is known: the local check-in <paramref name="history"/> plus the stored streak, which says its
    /// periods up to LastCheckIn were all checked in (up to the previous period when LastCheckIn is unknown).
    /// The streak is the run of known periods ending at the latest one; Best Streak never goes down.
    /// </summary>
    public static StreakResult Backfill(HabitStreakState state, DateOnly day, DateOnly today, IEnumerable<DateOnly> history, string? frequency)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(history);
        var cadence = ParseFrequency(frequency);
        var anchor = state.LastCheckIn is DateOnly last ? Period(last, cadence) : Period(today, cadence) - 1;
        var known = history.Where(d => d <= today).Select(d => Period(d, cadence)).ToHashSet();
        known.UnionWith(Enumerable.Range(anchor - Math.Max(state.Streak, 0) + 1, Math.Max(state.Streak, 0)));
        var period = Period(day, cadence);
        var already = known.Contains(period);
        known.Add(period);
        var end = known.Max();
        var streak = 0;
        while (known.Contains(end - streak))
        {
            streak++;
        }

        DateOnly? lastCheckIn = state.LastCheckIn is DateOnly l ? (day > l ? day : l) : (period == end ? day : null);
        var next = new HabitStreakState(state.Counter + 1, streak, Math.Max(state.BestStreak, streak), lastCheckIn);
        return new StreakResult(next, already);
    }

    private static Cadence ParseFrequency(string? frequency) =>
        CadenceNames.TryParse(frequency, out var cadence) ? cadence : Cadence.Daily;

    // A number per period such that consecutive periods differ by one.
    private static int Period(DateOnly day, Cadence cadence)
    {
        switch (cadence)
        {
            case Cadence.Weekly:
                // DayNumber 0 (0001-01-01) is a Monday, so Saturdays have DayNumber % 7 == 5.
                return (day.DayNumber + 2) / 7;
            case Cadence.Monthly:
                var (year, month, _) = SolarHijri.ToSolarHijri(day);
                return (year * 12) + month - 1;
            default:
                return day.DayNumber;
        }
    }
}
