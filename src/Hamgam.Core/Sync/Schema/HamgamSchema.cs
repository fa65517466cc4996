using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Notion;

namespace Hamgam.Core.Sync.Schema;

/// <summary>
/// The schema Hamgam expects of each Notion database (PRODUCT.md), under the configured property names:
/// the Notion type each field needs and, for <c>init-notion</c>, the options a new database starts with.
/// </summary>
public static class HamgamSchema
{
    /// <summary>The title <c>init-notion</c> gives each database.</summary>
    public static string Title(EntityKind kind) => kind switch
    {
        EntityKind.Task => "Tasks",
        EntityKind.Project => "Projects",
        EntityKind.Habit => "Habits",
        _ => "Daily Logs",
    };

    /// <summary>The Notion types a field may have; the first is the one <c>init-notion</c> creates.</summary>
    public static IReadOnlyList<string> AcceptedTypes(FieldKind kind) => kind switch
    {
        FieldKind.Title => ["title"],
        FieldKind.Text => ["rich_text"],
        FieldKind.Select => ["select"],
        FieldKind.Status => ["select", "status"],
        FieldKind.MultiSelect => ["multi_select"],
        FieldKind.Date => ["date"],
        FieldKind.Checkbox => ["checkbox"],
        FieldKind.Number => ["number"],
        _ => ["relation"],
    };

    /// <summary>
    /// The properties of a new database for <paramref name="kind"/> under the configured names. Tasks need the
    /// Projects data source id for their relation, so Projects must be created first.
    /// </summary>
    public static Dictionary<string, PropertySchemaInput> Build(EntityKind kind, NotionSyncOptions options, string? projectsDataSourceId = null)
    {
        var properties = new Dictionary<string, PropertySchemaInput>(StringComparer.Ordinal);
        foreach (var field in EntityFields.For(kind).Fields)
        {
            var name = options.PropertyName(kind, field.Name, field.DefaultNotionProperty);
            var input = Input(kind, field, projectsDataSourceId);
            if (input is not null)
            {
                properties[name] = input;
            }
        }

        return properties;
    }

    private static PropertySchemaInput? Input(EntityKind kind, FieldDescriptor field, string? projectsDataSourceId) => field.Kind switch
    {
        FieldKind.Title => PropertySchemaInput.Title(),
        FieldKind.Text => PropertySchemaInput.RichText(),
        FieldKind.Status => PropertySchemaInput.Select(Options(OptionsOf(kind, field.Name))),
        FieldKind.Select => PropertySchemaInput.Select(Options(OptionsOf(kind, field.Name))),
        FieldKind.MultiSelect => PropertySchemaInput.MultiSelect(Options(OptionsOf(kind, field.Name))),
        FieldKind.Date => PropertySchemaInput.Date(),
        FieldKind.Checkbox => PropertySchemaInput.Checkbox(),
        FieldKind.Number => PropertySchemaInput.Number(),
        _ => projectsDataSourceId is null ? null : PropertySchemaInput.Relation(projectsDataSourceId, dual: true),
    };

    private static IEnumerable<SelectOption> Options(IEnumerable<string> names) => names.Select(n => new SelectOption { Name = n });

    /// <summary>The options a new database starts with (the same as the emulator's sample schema); users add more in Notion.</summary>
    public static IReadOnlyList<string> OptionsOf(EntityKind kind, string field) => (kind, field) switch
    {
        (EntityKind.Task, "status") => ["Not started", "In progress", "Done"],
        (EntityKind.Task, "context") => ["@home", "@work", "@computer", "@phone", "@errands"],
        (EntityKind.Task, "energyLevel" or "importance" or "urgency") => ["High", "Medium", "Low"],
        (EntityKind.Task, "estimatedTime") => ["5 min", "15 min", "30 min", "1 hour", "2+ hours"],
        (EntityKind.Task, "type") => ["Task", "Idea", "Note"],
        (EntityKind.Task, "recurringType") => ["Daily", "Weekly", "Monthly"],
        (EntityKind.Project, "status") => ["Active", "On Hold", "Completed"],
        (EntityKind.Project, "area") => ["Work", "Personal", "Health", "Learning"],
        (EntityKind.Project, "priority") => ["High", "Medium", "Low"],
        (EntityKind.Habit, "type") => ["Good", "Bad"],
        (EntityKind.Habit, "status") => ["🎯 Active", "⏸️ Paused", "✅ Mastered"],
        (EntityKind.Habit, "frequency") => ["Daily", "Weekly"],
        (EntityKind.DailyLog, "mood") => ["😀", "🙂", "😐", "🙁", "😞"],
        _ => [],
    };
}
