using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Tasks;
using Hamgam.Web.Infrastructure.Localization;

namespace Hamgam.Web.Features.Tasks;

/// <summary>
/// Every field of a task as the edit form holds it (text as typed); <see cref="ToValues"/> turns it into the canonical
/// values <c>LocalChanges</c> takes, or says which fields are wrong.
/// </summary>
public sealed class TaskForm
{
    public Guid? Id { get; set; }

    public long? Version { get; set; }

    public string Name { get; set; } = "";

    public string? Status { get; set; } = TaskVocabulary.DefaultStatus;

    public string? Context { get; set; }

    public string? EnergyLevel { get; set; }

    public string? Importance { get; set; }

    public string? Urgency { get; set; }

    public string? EstimatedTime { get; set; }

    public string? DueDate { get; set; }

    public string? ScheduledFor { get; set; }

    public string? CompletedDate { get; set; }

    public bool QuickWin { get; set; }

    public string? Tags { get; set; }

    public string? Category { get; set; }

    public string? Type { get; set; }

    public string? Notes { get; set; }

    public bool IsRecurring { get; set; }

    public string? RecurringType { get; set; }

    public string? ProjectId { get; set; }

    public static TaskForm From(TaskItem task, Ui ui) => new()
    {
        Id = task.Id, Version = task.Version, Name = task.Name, Status = task.Status, Context = string.Join(", ", task.Context),
        EnergyLevel = task.EnergyLevel, Importance = task.Importance, Urgency = task.Urgency, EstimatedTime = task.EstimatedTime,
        DueDate = ui.DateInput(task.DueDate?.Date), ScheduledFor = ui.DateInput(task.ScheduledFor?.Date),
        CompletedDate = ui.DateInput(task.CompletedDate?.Date), QuickWin = task.QuickWin, Tags = string.Join(", ", task.Tags),
        Category = task.Category, Type = task.Type, Notes = task.Notes, IsRecurring = task.IsRecurring, RecurringType = task.RecurringType,
        ProjectId = task.ProjectId?.ToString("D"),
    };

    /// <summary>The canonical values of every field, and the errors by field name (empty when valid).</summary>
    public (Dictionary<string, string?> Values, Dictionary<string, string> Errors) ToValues(Ui ui, TaskItem? original)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ui.T("نام لازم است.", "A name is required.");
        }
        else if (Name.Length > FieldInput.MaxTitleLength)
        {
            errors["name"] = ui.T("نام بیش از حد بلند است.", "The name is too long.");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = Canonical.Text(Name.Trim()),
            ["status"] = Option(Status, "status", ui, errors),
            ["context"] = Canonical.List(TaskVocabulary.SplitList(Context)),
            ["energyLevel"] = Option(EnergyLevel, "energyLevel", ui, errors),
            ["importance"] = Option(Importance, "importance", ui, errors),
            ["urgency"] = Option(Urgency, "urgency", ui, errors),
            ["estimatedTime"] = Option(EstimatedTime, "estimatedTime", ui, errors),
            ["dueDate"] = Date(DueDate, original?.DueDate, "dueDate", ui, errors),
            ["scheduledFor"] = Date(ScheduledFor, original?.ScheduledFor, "scheduledFor", ui, errors),
            ["completedDate"] = Date(CompletedDate, original?.CompletedDate, "completedDate", ui, errors),
            ["quickWin"] = Canonical.Bool(QuickWin),
            ["tags"] = Canonical.List(TaskVocabulary.SplitList(Tags)),
            ["category"] = Option(Category, "category", ui, errors),
            ["type"] = Option(Type, "type", ui, errors),
            ["notes"] = Canonical.Text(Notes),
            ["isRecurring"] = Canonical.Bool(IsRecurring),
            ["recurringType"] = Option(RecurringType, "recurringType", ui, errors),
            ["projectId"] = Guid.TryParse(ProjectId, out var project) ? Canonical.Id(project) : null,
        };
        return (values, errors);
    }

    private static string? Option(string? value, string field, Ui ui, Dictionary<string, string> errors)
    {
        var text = Canonical.Text(value?.Trim());
        if (text is not null && (text.Contains(',', StringComparison.Ordinal) || text.Length > FieldInput.MaxOptionLength))
        {
            errors[field] = ui.T("گزینه‌های Notion ویرگول ندارند و حداکثر ۱۰۰ نویسه‌اند.", "Notion options have no commas and at most 100 characters.");
        }

        return text;
    }

    // An unchanged day keeps the time and offset Notion had; a new day is a date without a time.
    private static string? Date(string? text, FlexDate? original, string field, Ui ui, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!ui.TryParseDate(text, out var day))
        {
            errors[field] = ui.T("تاریخ را به شکل ۱۴۰۴/۰۹/۰۳ بنویسید.", "Write the date as 2025-11-24.");
            return null;
        }

        return Canonical.Date(original is { } o && o.Date == day ? o : FlexDate.FromDate(day));
    }
}
