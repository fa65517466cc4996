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
    DateOnly? LastCheckIn, bool CheckedInToday, IReadOnlyList<DateOnly> Days, SyncMeta Sync);

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
        return [.. habits.Select(h =>
        {
            var state = new HabitStreakState(h.Counter, h.Streak, h.BestStreak, h.LastCheckIn);
            return new HabitCard(
                h.Id, h.Name, h.Type, h.Category, h.Status, h.Frequency, h.Counter, StreakCalculator.EffectiveStreak(state, today, h.Frequency),
                h.BestStreak, h.LastCheckIn, h.LastCheckIn == today, [.. days[h.Id].Distinct()], states[h.Id]);
        })];
    }

    /// <summary>Checks in for today (the user's day); two check-ins racing are both counted, never lost.</summary>
    public async Task<CheckInOutcome> CheckInAsync(Guid habitId, CancellationToken cancellationToken = default)
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
            var result = StreakCalculator.CheckIn(new HabitStreakState(habit.Counter, habit.Streak, habit.BestStreak, habit.LastCheckIn), today, habit.Frequency);
            habit.LastCheckIn = result.State.LastCheckIn;
            db.HabitCheckIns.Add(new HabitCheckIn { HabitId = habit.Id, Day = today, At = clock.Now });
            changes.Update(db, habit, new Dictionary<string, string?>
            {
                ["counter"] = Canonical.Number(result.State.Counter),
                ["streak"] = Canonical.Number(result.State.Streak),
                ["bestStreak"] = Canonical.Number(result.State.BestStreak),
            }, LocalChanges.InteractivePriority);
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
}
