using Hamgam.Core.Data;

namespace Hamgam.Core.Habits;

/// <summary>A row of the Habits data source.</summary>
public sealed class Habit : SyncedEntity
{
    public string Name { get; set; } = "";

    public string? Type { get; set; }

    public string? Category { get; set; }

    public string? Status { get; set; }

    public string? Frequency { get; set; }

    public int Counter { get; set; }

    public int Streak { get; set; }

    public int BestStreak { get; set; }

    public string? RelatedTrigger { get; set; }

    /// <summary>The user's day of the last check-in (in the configured time zone).</summary>
    public DateOnly? LastCheckIn { get; set; }

    public List<HabitCheckIn> CheckIns { get; set; } = [];
}

/// <summary>One check-in on one of the user's days; the history behind streaks and the heat map.</summary>
public sealed class HabitCheckIn
{
    public long Id { get; set; }

    public Guid HabitId { get; set; }

    public DateOnly Day { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The habit's Streak before this check-in, so that undoing it on the same day is exact (null on older rows: no undo).</summary>
    public int? PreviousStreak { get; set; }

    public int? PreviousBestStreak { get; set; }

    public DateOnly? PreviousLastCheckIn { get; set; }
}
