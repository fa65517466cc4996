using Hamgam.Core.Data;

namespace Hamgam.Core.DailyLogs;

/// <summary>A row of the Daily Logs data source.</summary>
public sealed class DailyLog : SyncedEntity
{
    public string Name { get; set; } = "";

    public FlexDate? Date { get; set; }

    public string? Mood { get; set; }

    public double? Energy { get; set; }

    public string? TopWin { get; set; }

    public string? MainObstacle { get; set; }

    public string? TechniquesSuggested { get; set; }

    public string? Reflection { get; set; }

    public string? TechniquesUsed { get; set; }

    public string? BadHabits { get; set; }

    public string? GoodHabits { get; set; }

    public string? Desires { get; set; }

    public string? DailyReport { get; set; }
}
