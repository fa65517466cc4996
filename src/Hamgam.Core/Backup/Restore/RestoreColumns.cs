using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Tasks;

namespace Hamgam.Core.Backup.Restore;

/// <summary>How a backup column is written, and so how its cells are read back.</summary>
public enum CellKind
{
    Text,
    Date,
    Number,
    Integer,
    YesNo,
    List,
}

/// <summary>
/// One column of a backup tab: the entity field it restores (null for a column that is only part of the natural key,
/// like Created), and the value the backup writes for an empty field (the Brain Dump's Type shows "Task").
/// </summary>
public sealed record RestoreColumn(string Header, string? Field, CellKind Kind, string? EmptyShownAs = null);

/// <summary>
/// What a restore knows about a backup tab: its entity, columns (in the backup's order, the id last) and natural key,
/// used for rows without an id (added by hand in the sheet).
/// </summary>
public sealed record RestoreTab(
    string Title,
    EntityKind Kind,
    IReadOnlyList<RestoreColumn> Columns,
    IReadOnlyList<string> KeyColumns,
    Func<SyncedEntity, IReadOnlyList<string?>> LocalKey,
    string TitleField)
{
    public IReadOnlyList<string> Header => [.. Columns.Select(c => c.Header), BackupTabs.IdColumn];

    public static IReadOnlyList<RestoreTab> All { get; } = [DailyLog(), BrainDump(), Projects(), Habits()];

    /// <summary>The tab with this title (case-insensitive); null when Hamgam does not write such a tab.</summary>
    public static RestoreTab? Find(string title) =>
        All.FirstOrDefault(t => string.Equals(t.Title, title.Trim(), StringComparison.OrdinalIgnoreCase));

    private static RestoreTab DailyLog()
    {
        RestoreColumn[] columns =
        [
            new("Date", "date", CellKind.Date), new("Mood", "mood", CellKind.Text), new("Energy", "energy", CellKind.Number),
            .. new (string Header, string Field)[]
            {
                ("Top Win", "topWin"), ("Main Obstacle", "mainObstacle"), ("Techniques Suggested", "techniquesSuggested"),
                ("Reflection", "reflection"), ("Techniques Used", "techniquesUsed"), ("Bad Habits", "badHabits"),
                ("Good Habits", "goodHabits"), ("Desires", "desires"), ("Daily Report", "dailyReport"),
            }.Select(c => new RestoreColumn(c.Header, c.Field, CellKind.Text)),
        ];
        return new(BackupTabs.DailyLog, EntityKind.DailyLog, columns, ["Date"], e => [EntityFields.DailyLogs.Find("date")!.Get(e)], "date");
    }

    private static RestoreTab BrainDump() => new(BackupTabs.BrainDump, EntityKind.Task,
    [
        new("Created", null, CellKind.Date), new("Name", "name", CellKind.Text), new("Type", "type", CellKind.Text, EmptyShownAs: "Task"),
        new("Status", "status", CellKind.Text), new("Context", "context", CellKind.List), new("Energy Level", "energyLevel", CellKind.Text),
        new("Importance", "importance", CellKind.Text), new("Urgency", "urgency", CellKind.Text),
        new("Estimated Time", "estimatedTime", CellKind.Text), new("Due Date", "dueDate", CellKind.Date),
        new("Quick Win", "quickWin", CellKind.YesNo), new("Notes", "notes", CellKind.Text),
    ], ["Created", "Name"], e => [BackupTabs.CreatedDay((TaskItem)e), EntityFields.Tasks.Find("name")!.Get(e)], "name");

    private static RestoreTab Projects() => new(BackupTabs.Projects, EntityKind.Project,
    [
        new("Name", "name", CellKind.Text), new("Status", "status", CellKind.Text), new("Area", "area", CellKind.Text),
        new("Priority", "priority", CellKind.Text), new("Start Date", "startDate", CellKind.Date),
        new("Target Date", "targetDate", CellKind.Date), new("Vision/Why", "vision", CellKind.Text),
    ], ["Name"], e => [EntityFields.Projects.Find("name")!.Get(e)], "name");

    private static RestoreTab Habits() => new(BackupTabs.Habits, EntityKind.Habit,
    [
        new("Habit Name", "name", CellKind.Text), new("Type", "type", CellKind.Text), new("Category", "category", CellKind.Text),
        new("Status", "status", CellKind.Text), new("Frequency", "frequency", CellKind.Text), new("Counter", "counter", CellKind.Integer),
        new("Streak", "streak", CellKind.Integer), new("Best Streak", "bestStreak", CellKind.Integer),
        new("Related Trigger", "relatedTrigger", CellKind.Text),
    ], ["Habit Name"], e => [EntityFields.Habits.Find("name")!.Get(e)], "name");
}
