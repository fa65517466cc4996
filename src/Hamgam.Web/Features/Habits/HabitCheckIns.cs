using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Habits;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Time;
using Hamgam.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Features.Habits;

/// <summary>A habit as the dashboard shows it, with its check-in days (for the heat map) and sync state.</summary>
public sealed record HabitCard(
    Guid Id, string Name, string? Type, string? Category, string? Status, string? Frequency, int Counter, int Streak, int BestStreak,
    DateOnly? LastCheckIn, bool CheckedInToday, IReadOnlyList<DateOnly> Days, SyncMeta Sync, bool CanUndo = false);

public sealed record CheckInOutcome(bool Found, bool AlreadyCheckedInThisPeriod, HabitStreakState? State);

/// <summary>
/// Habit check-ins: the streak arithmetic is <see cref="StreakCalculator"/>'s; this adds the check-in row and saves
/// Counter, Streak and Best Streak through <see cref="LocalChanges"/> in the same unit of work, so Notion hears of it.
/// </summary>
public sealed class HabitCheckIns(IDbContextFactory<HamgamDb> factory, LocalChanges changes, UserClock clock)
{
    /// <summary>How far back the heat map looks.</summary>
    public const int HeatMapDays = 7 * 26;

    public async Task<List<HabitCard>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var since = today.AddDays(-HeatMapDays);
        var habits = await db.Habits.AsNoTracking().OrderBy(h => h.Name).ToListAsync(cancellationToken);
        var ids = habits.Select(h => h.Id).ToList();
        var days = (await db.HabitCheckIns.AsNoTracking().Where(c => ids.Contains(c.HabitId) && c.Day >= since)
            .Select(c => new { c.HabitId, c.Day }).ToListAsync(cancellationToken)).ToLookup(c => c.HabitId, c => c.Day);
        var states = await SyncStates.LoadAsync(db, EntityKind.Habit, habits, cancellationToken);
        var undoable = await UndoableAsync(db, ids, cancellationToken);
        return [.. habits.Select(h =>
        {
            var state = new HabitStreakState(h.Counter, h.Streak, h.BestStreak, h.LastCheckIn);
            return new HabitCard(
                h.Id, h.Name, h.Type, h.Category, h.Status, h.Frequency, h.Counter, StreakCalculator.EffectiveStreak(state, today, h.Frequency),
                h.BestStreak, h.LastCheckIn, h.LastCheckIn == today, [.. days[h.Id].Distinct()], states[h.Id], undoable.Contains(h.Id));
        })];
    }

    /// <summary>
    /// Checks in for today (the user's day), or for an earlier <paramref name="day"/> (the heat map), which recomputes
    /// the streak from the history; two check-ins racing are both counted, never lost.
    /// </summary>
    public async Task<CheckInOutcome> CheckInAsync(Guid habitId, DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var habit = await db.Habits.SingleOrDefaultAsync(h => h.Id == habitId, cancellationToken);
            if (habit is null)
            {
                return new CheckInOutcome(false, false, null);
            }

            var today = clock.Today;
            var on = day is { } d && d < today ? d : today;
            var before = StateOf(habit);
            var result = on == today
                ? StreakCalculator.CheckIn(before, today, habit.Frequency)
                : StreakCalculator.Backfill(before, on, today, await HistoryAsync(db, habit.Id, cancellationToken), habit.Frequency);
            db.HabitCheckIns.Add(new HabitCheckIn
            {
                HabitId = habit.Id, Day = on, At = clock.Now,
                PreviousStreak = before.Streak, PreviousBestStreak = before.BestStreak, PreviousLastCheckIn = before.LastCheckIn,
            });
            Save(db, habit, result.State);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new CheckInOutcome(true, result.AlreadyCheckedInThisPeriod, result.State);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 8)
            {
                // Another check-in or edit saved first: count ours on top of it.
            }
        }
    }

    /// <summary>
    /// Undoes the habit's latest check-in if it was made today (the user's day): Counter goes down by one and Streak,
    /// Best Streak and Last Check-in return to what they were before it. Returns null when there is nothing to undo.
    /// </summary>
    public async Task<HabitStreakState?> UndoAsync(Guid habitId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var habit = await db.Habits.SingleOrDefaultAsync(h => h.Id == habitId, cancellationToken);
            var latest = await db.HabitCheckIns.Where(c => c.HabitId == habitId).OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            if (habit is null || latest is not { PreviousStreak: { } streak, PreviousBestStreak: { } best } || !MadeToday(latest))
            {
                return null;
            }

            var state = new HabitStreakState(Math.Max(habit.Counter - 1, 0), streak, best, latest.PreviousLastCheckIn);
            db.HabitCheckIns.Remove(latest);
            Save(db, habit, state);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return state;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 8)
            {
                // A check-in or edit saved in between: undo on top of it.
            }
        }
    }

    // The habits whose latest check-in was made today and can be undone.
    private async Task<HashSet<Guid>> UndoableAsync(HamgamDb db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var latestIds = await db.HabitCheckIns.Where(c => ids.Contains(c.HabitId))
            .GroupBy(c => c.HabitId).Select(g => g.Max(c => c.Id)).ToListAsync(cancellationToken);
        var latest = await db.HabitCheckIns.AsNoTracking().Where(c => latestIds.Contains(c.Id) && c.PreviousStreak != null)
            .ToListAsync(cancellationToken);
        return [.. latest.Where(MadeToday).Select(c => c.HabitId)];
    }

    private bool MadeToday(HabitCheckIn checkIn) => clock.ToUserDay(checkIn.At) == clock.Today;

    private static HabitStreakState StateOf(Habit habit) => new(habit.Counter, habit.Streak, habit.BestStreak, habit.LastCheckIn);

    private static async Task<List<DateOnly>> HistoryAsync(HamgamDb db, Guid habitId, CancellationToken cancellationToken) =>
        await db.HabitCheckIns.Where(c => c.HabitId == habitId).Select(c => c.Day).Distinct().ToListAsync(cancellationToken);

    // Last Check-in goes to Notion too when the data source has the (optional) property; PageWriter skips it otherwise.
    private void Save(HamgamDb db, Habit habit, HabitStreakState state) =>
        changes.Update(db, habit, new Dictionary<string, string?>
        {
            ["counter"] = Canonical.Number(state.Counter),
            ["streak"] = Canonical.Number(state.Streak),
            ["bestStreak"] = Canonical.Number(state.BestStreak),
            ["lastCheckIn"] = Canonical.Date(state.LastCheckIn is { } last ? FlexDate.FromDate(last) : null),
        }, LocalChanges.InteractivePriority);
}
