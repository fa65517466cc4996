using Hamgam.Core.Data;

namespace Hamgam.Core.Tasks;

/// <summary>A row of the Tasks data source (called a task; <c>Task</c> is taken by the framework).</summary>
public sealed class TaskItem : SyncedEntity
{
    public string Name { get; set; } = "";

    public string? Status { get; set; }

    public List<string> Context { get; set; } = [];

    public string? EnergyLevel { get; set; }

    public string? Importance { get; set; }

    public string? Urgency { get; set; }

    public string? EstimatedTime { get; set; }

    public FlexDate? DueDate { get; set; }

    public FlexDate? ScheduledFor { get; set; }

    public FlexDate? CompletedDate { get; set; }

    public bool QuickWin { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Category { get; set; }

    /// <summary>Task, Idea or Note (optional in Notion).</summary>
    public string? Type { get; set; }

    public string? Notes { get; set; }

    public bool IsRecurring { get; set; }

    /// <summary>Daily, Weekly or Monthly.</summary>
    public string? RecurringType { get; set; }

    /// <summary>The local project the first related page maps to.</summary>
    public Guid? ProjectId { get; set; }

    /// <summary>Every related project page id from Notion, in full (not truncated at 25).</summary>
    public List<string> RelatedProjectNotionIds { get; set; } = [];

    /// <summary>For an instance created from a recurring template: the template and the user's day it is for.</summary>
    public Guid? RecurringTemplateId { get; set; }

    public DateOnly? RecurringDay { get; set; }
}
