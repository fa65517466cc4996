using Hamgam.Core.DailyLogs;
using Hamgam.Core.Data;
using Hamgam.Core.Habits;
using Hamgam.Core.Projects;
using Hamgam.Core.Tasks;

namespace Hamgam.Core.Fields;

/// <summary>The field catalogue of the four entities, with PRODUCT.md's default Notion property names.</summary>
public static class EntityFields
{
    public static EntityFieldSet Tasks { get; } = new(EntityKind.Task, typeof(TaskItem),
    [
        Text<TaskItem>("name", "Name", FieldKind.Title, t => t.Name, (t, v) => t.Name = v ?? "", required: true),
        Text<TaskItem>("status", "Status", FieldKind.Status, t => t.Status, (t, v) => t.Status = v),
        List<TaskItem>("context", "Context", t => t.Context, (t, v) => t.Context = v),
        Text<TaskItem>("energyLevel", "Energy Level", FieldKind.Select, t => t.EnergyLevel, (t, v) => t.EnergyLevel = v),
        Text<TaskItem>("importance", "Importance", FieldKind.Select, t => t.Importance, (t, v) => t.Importance = v),
        Text<TaskItem>("urgency", "Urgency", FieldKind.Select, t => t.Urgency, (t, v) => t.Urgency = v),
        Text<TaskItem>("estimatedTime", "Estimated Time", FieldKind.Select, t => t.EstimatedTime, (t, v) => t.EstimatedTime = v),
        Date<TaskItem>("dueDate", "Due Date", t => t.DueDate, (t, v) => t.DueDate = v),
        Date<TaskItem>("scheduledFor", "Scheduled For", t => t.ScheduledFor, (t, v) => t.ScheduledFor = v),
        Date<TaskItem>("completedDate", "Completed Date", t => t.CompletedDate, (t, v) => t.CompletedDate = v),
        Bool<TaskItem>("quickWin", "Quick Win", t => t.QuickWin, (t, v) => t.QuickWin = v),
        List<TaskItem>("tags", "Tags", t => t.Tags, (t, v) => t.Tags = v),
        Text<TaskItem>("category", "Category", FieldKind.Select, t => t.Category, (t, v) => t.Category = v),
        Text<TaskItem>("type", "Type", FieldKind.Select, t => t.Type, (t, v) => t.Type = v),
        Text<TaskItem>("notes", "Notes", FieldKind.Text, t => t.Notes, (t, v) => t.Notes = v),
        Bool<TaskItem>("isRecurring", "Is Recurring", t => t.IsRecurring, (t, v) => t.IsRecurring = v),
        Text<TaskItem>("recurringType", "Recurring Type", FieldKind.Select, t => t.RecurringType, (t, v) => t.RecurringType = v),
        new("projectId", "Related Project", FieldKind.Relation,
            e => Canonical.Id(((TaskItem)e).ProjectId), (e, v) => ((TaskItem)e).ProjectId = Canonical.ParseId(v)),
    ]);

    public static EntityFieldSet Projects { get; } = new(EntityKind.Project, typeof(Project),
    [
        Text<Project>("name", "Name", FieldKind.Title, p => p.Name, (p, v) => p.Name = v ?? "", required: true),
        Text<Project>("status", "Status", FieldKind.Status, p => p.Status, (p, v) => p.Status = v),
        Text<Project>("area", "Area", FieldKind.Select, p => p.Area, (p, v) => p.Area = v),
        Text<Project>("priority", "Priority", FieldKind.Select, p => p.Priority, (p, v) => p.Priority = v),
        Date<Project>("startDate", "Start Date", p => p.StartDate, (p, v) => p.StartDate = v),
        Date<Project>("targetDate", "Target Date", p => p.TargetDate, (p, v) => p.TargetDate = v),
        Text<Project>("vision", "Vision/Why", FieldKind.Text, p => p.Vision, (p, v) => p.Vision = v),
    ]);

    public static EntityFieldSet Habits { get; } = new(EntityKind.Habit, typeof(Habit),
    [
        Text<Habit>("name", "Habit Name", FieldKind.Title, h => h.Name, (h, v) => h.Name = v ?? "", required: true),
        Text<Habit>("type", "Type", FieldKind.Select, h => h.Type, (h, v) => h.Type = v),
        Text<Habit>("category", "Category", FieldKind.Select, h => h.Category, (h, v) => h.Category = v),
        Text<Habit>("status", "Status", FieldKind.Status, h => h.Status, (h, v) => h.Status = v),
        Text<Habit>("frequency", "Frequency", FieldKind.Select, h => h.Frequency, (h, v) => h.Frequency = v),
        Int<Habit>("counter", "Counter", h => h.Counter, (h, v) => h.Counter = v),
        Int<Habit>("streak", "Streak", h => h.Streak, (h, v) => h.Streak = v),
        Int<Habit>("bestStreak", "Best Streak", h => h.BestStreak, (h, v) => h.BestStreak = v),
        Text<Habit>("relatedTrigger", "Related Trigger", FieldKind.Text, h => h.RelatedTrigger, (h, v) => h.RelatedTrigger = v),

        // Optional in Notion: without it a pulled streak cannot be known to have lapsed, so check-ins continue it.
        Date<Habit>("lastCheckIn", "Last Check-in",
            h => h.LastCheckIn is { } day ? FlexDate.FromDate(day) : null, (h, v) => h.LastCheckIn = v?.Date) with { Optional = true },
    ]);

    public static EntityFieldSet DailyLogs { get; } = new(EntityKind.DailyLog, typeof(DailyLog),
    [
        Text<DailyLog>("name", "Name", FieldKind.Title, d => d.Name, (d, v) => d.Name = v ?? "", required: true),
        Date<DailyLog>("date", "Date", d => d.Date, (d, v) => d.Date = v),
        Text<DailyLog>("mood", "Mood", FieldKind.Select, d => d.Mood, (d, v) => d.Mood = v),
        new("energy", "Energy", FieldKind.Number,
            e => Canonical.Number(((DailyLog)e).Energy), (e, v) => ((DailyLog)e).Energy = Canonical.ParseNumber(v)),
        Text<DailyLog>("topWin", "Top Win", FieldKind.Text, d => d.TopWin, (d, v) => d.TopWin = v),
        Text<DailyLog>("mainObstacle", "Main Obstacle", FieldKind.Text, d => d.MainObstacle, (d, v) => d.MainObstacle = v),
        Text<DailyLog>("techniquesSuggested", "Techniques Suggested", FieldKind.Text, d => d.TechniquesSuggested, (d, v) => d.TechniquesSuggested = v),
        Text<DailyLog>("reflection", "Reflection", FieldKind.Text, d => d.Reflection, (d, v) => d.Reflection = v),
        Text<DailyLog>("techniquesUsed", "Techniques Used", FieldKind.Text, d => d.TechniquesUsed, (d, v) => d.TechniquesUsed = v),
        Text<DailyLog>("badHabits", "Bad Habits", FieldKind.Text, d => d.BadHabits, (d, v) => d.BadHabits = v),
        Text<DailyLog>("goodHabits", "Good Habits", FieldKind.Text, d => d.GoodHabits, (d, v) => d.GoodHabits = v),
        Text<DailyLog>("desires", "Desires", FieldKind.Text, d => d.Desires, (d, v) => d.Desires = v),
        Text<DailyLog>("dailyReport", "Daily Report", FieldKind.Text, d => d.DailyReport, (d, v) => d.DailyReport = v),
    ]);

    public static IReadOnlyList<EntityFieldSet> All { get; } = [Tasks, Projects, Habits, DailyLogs];

    public static EntityFieldSet For(EntityKind kind) => kind switch
    {
        EntityKind.Task => Tasks,
        EntityKind.Project => Projects,
        EntityKind.Habit => Habits,
        EntityKind.DailyLog => DailyLogs,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static FieldDescriptor Text<T>(string name, string property, FieldKind kind, Func<T, string?> get, Action<T, string?> set, bool required = false)
        where T : SyncedEntity =>
        new(name, property, kind, e => Canonical.Text(get((T)e)), (e, v) => set((T)e, Canonical.Text(v)), required);

    private static FieldDescriptor List<T>(string name, string property, Func<T, List<string>> get, Action<T, List<string>> set)
        where T : SyncedEntity =>
        new(name, property, FieldKind.MultiSelect, e => Canonical.List(get((T)e)), (e, v) => set((T)e, Canonical.ParseList(v)));

    private static FieldDescriptor Date<T>(string name, string property, Func<T, FlexDate?> get, Action<T, FlexDate?> set)
        where T : SyncedEntity =>
        new(name, property, FieldKind.Date, e => Canonical.Date(get((T)e)), (e, v) => set((T)e, Canonical.ParseDate(v)));

    private static FieldDescriptor Bool<T>(string name, string property, Func<T, bool> get, Action<T, bool> set)
        where T : SyncedEntity =>
        new(name, property, FieldKind.Checkbox, e => Canonical.Bool(get((T)e)), (e, v) => set((T)e, Canonical.ParseBool(v)));

    private static FieldDescriptor Int<T>(string name, string property, Func<T, int> get, Action<T, int> set)
        where T : SyncedEntity =>
        new(name, property, FieldKind.Number,
            e => Canonical.Number(get((T)e)), (e, v) => set((T)e, (int)Math.Round(Canonical.ParseNumber(v) ?? 0)));
}
