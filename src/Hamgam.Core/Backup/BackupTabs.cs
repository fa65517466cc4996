using System.Globalization;
using Hamgam.Core.DailyLogs;
using Hamgam.Core.Data;
using Hamgam.Core.Habits;
using Hamgam.Core.Projects;
using Hamgam.Core.Tasks;

namespace Hamgam.Core.Backup;

/// <summary>A typed cell: text stays text (RAW, so "=HYPERLINK(…)" is never a formula), numbers stay numbers.</summary>
public readonly record struct BackupCell(string? Text, double? Number = null)
{
    public static implicit operator BackupCell(string? text) => new(text);
}

/// <summary>One tab of the backup: its title, header and rows.</summary>
public sealed record BackupTab(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<BackupCell>> Rows);

/// <summary>
/// The four tabs, in the seed's column order for Daily Log and Brain Dump Archive. Every tab ends with
/// <see cref="IdColumn"/> (the local id), after the seed's columns, so a restore can match rows reliably.
/// </summary>
public static class BackupTabs
{
    public const string DailyLog = "Daily Log";
    public const string BrainDump = "Brain Dump Archive";
    public const string Projects = "Projects";
    public const string Habits = "Habits";
    public const string IdColumn = "Hamgam ID";

    public static IReadOnlyList<string> Titles { get; } = [DailyLog, BrainDump, Projects, Habits];

    public static readonly string[] DailyLogHeader =
    [
        "Date", "Mood", "Energy", "Top Win", "Main Obstacle", "Techniques Suggested", "Reflection",
        "Techniques Used", "Bad Habits", "Good Habits", "Desires", "Daily Report", IdColumn,
    ];

    public static readonly string[] BrainDumpHeader =
    [
        "Created", "Name", "Type", "Status", "Context", "Energy Level", "Importance", "Urgency", "Estimated Time",
        "Due Date", "Quick Win", "Notes", IdColumn,
    ];

    public static readonly string[] ProjectsHeader = ["Name", "Status", "Area", "Priority", "Start Date", "Target Date", "Vision/Why", IdColumn];

    public static readonly string[] HabitsHeader =
        ["Habit Name", "Type", "Category", "Status", "Frequency", "Counter", "Streak", "Best Streak", "Related Trigger", IdColumn];

    public static BackupTab ForDailyLogs(IEnumerable<DailyLog> logs) => new(DailyLog, DailyLogHeader,
    [
        .. logs.Select(l => (IReadOnlyList<BackupCell>)
        [
            l.Date?.ToString(), l.Mood, new BackupCell(null, l.Energy), l.TopWin, l.MainObstacle, l.TechniquesSuggested,
            l.Reflection, l.TechniquesUsed, l.BadHabits, l.GoodHabits, l.Desires, l.DailyReport, Id(l),
        ]),
    ]);

    public static BackupTab ForTasks(IEnumerable<TaskItem> tasks) => new(BrainDump, BrainDumpHeader,
    [
        .. tasks.Select(t => (IReadOnlyList<BackupCell>)
        [
            CreatedDay(t), t.Name, t.Type ?? "Task", t.Status,
            string.Join(", ", t.Context), t.EnergyLevel, t.Importance, t.Urgency, t.EstimatedTime, t.DueDate?.ToString(),
            t.QuickWin ? "Yes" : "No", t.Notes, Id(t),
        ]),
    ]);

    public static BackupTab ForProjects(IEnumerable<Project> projects) => new(Projects, ProjectsHeader,
    [
        .. projects.Select(p => (IReadOnlyList<BackupCell>)
            [p.Name, p.Status, p.Area, p.Priority, p.StartDate?.ToString(), p.TargetDate?.ToString(), p.Vision, Id(p)]),
    ]);

    public static BackupTab ForHabits(IEnumerable<Habit> habits) => new(Habits, HabitsHeader,
    [
        .. habits.Select(h => (IReadOnlyList<BackupCell>)
        [
            h.Name, h.Type, h.Category, h.Status, h.Frequency,
            new BackupCell(null, h.Counter), new BackupCell(null, h.Streak), new BackupCell(null, h.BestStreak), h.RelatedTrigger, Id(h),
        ]),
    ]);

    /// <summary>The Brain Dump Archive's Created column: the day the task was created, in UTC.</summary>
    public static string CreatedDay(TaskItem task) => task.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static BackupCell Id(SyncedEntity entity) => entity.Id.ToString("D");
}
