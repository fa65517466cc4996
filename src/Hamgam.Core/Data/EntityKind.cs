namespace Hamgam.Core.Data;

/// <summary>The four Notion data sources Hamgam mirrors.</summary>
public enum EntityKind
{
    Task,
    Project,
    Habit,
    DailyLog,
}
