using Hamgam.Core.Data;

namespace Hamgam.Core.Sync.Live;

/// <summary>What changed, as open pages care about it: a kind of record, the sync log, the conflict inbox.</summary>
[Flags]
public enum LiveTopics
{
    None = 0,
    Tasks = 1,
    Projects = 2,
    Habits = 4,
    DailyLogs = 8,

    /// <summary>The sync log (runs started and finished).</summary>
    Runs = 16,
    Conflicts = 32,

    /// <summary>Outbox entries (each row's sync tag: pending, sent, failed); always set with the record's own topic.</summary>
    Outbox = 64,
    Settings = 128,
    All = Tasks | Projects | Habits | DailyLogs | Runs | Conflicts | Outbox | Settings,
}

public static class LiveTopicsExtensions
{
    public static LiveTopics ToTopic(this EntityKind kind) => kind switch
    {
        EntityKind.Task => LiveTopics.Tasks,
        EntityKind.Project => LiveTopics.Projects,
        EntityKind.Habit => LiveTopics.Habits,
        EntityKind.DailyLog => LiveTopics.DailyLogs,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an entity kind."),
    };
}
