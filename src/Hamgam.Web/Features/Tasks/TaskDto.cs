using Hamgam.Core.Tasks;
using Hamgam.Web.Features.Api;

namespace Hamgam.Web.Features.Tasks;

/// <summary>A task as the API shows it.</summary>
public sealed record TaskDto(
    Guid Id,
    string Name,
    string? Status,
    IReadOnlyList<string> Context,
    string? EnergyLevel,
    string? Importance,
    string? Urgency,
    string? EstimatedTime,
    string? DueDate,
    string? ScheduledFor,
    string? CompletedDate,
    bool QuickWin,
    IReadOnlyList<string> Tags,
    string? Category,
    string? Type,
    string? Notes,
    bool IsRecurring,
    string? RecurringType,
    Guid? ProjectId,
    string? NotionId,
    string? NotionUrl,
    DateTimeOffset? LastSynced,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    string SyncState,
    string? SyncError)
{
    public static TaskDto From(TaskItem t, SyncMeta sync) => new(
        t.Id, t.Name, t.Status, t.Context, t.EnergyLevel, t.Importance, t.Urgency, t.EstimatedTime,
        t.DueDate?.ToString(), t.ScheduledFor?.ToString(), t.CompletedDate?.ToString(), t.QuickWin, t.Tags,
        t.Category, t.Type, t.Notes, t.IsRecurring, t.RecurringType, t.ProjectId,
        t.NotionId, t.NotionUrl, t.LastSynced, t.CreatedAt, t.UpdatedAt, t.Version, sync.State, sync.Error);
}
