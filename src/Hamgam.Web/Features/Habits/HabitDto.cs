using Hamgam.Core.Habits;
using Hamgam.Web.Features.Api;

namespace Hamgam.Web.Features.Habits;

/// <summary>A habit as the API shows it.</summary>
public sealed record HabitDto(
    Guid Id,
    string Name,
    string? Type,
    string? Category,
    string? Status,
    string? Frequency,
    int Counter,
    int Streak,
    int BestStreak,
    string? RelatedTrigger,
    DateOnly? LastCheckIn,
    string? NotionId,
    string? NotionUrl,
    DateTimeOffset? LastSynced,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    string SyncState,
    string? SyncError)
{
    public static HabitDto From(Habit h, SyncMeta sync) => new(
        h.Id, h.Name, h.Type, h.Category, h.Status, h.Frequency, h.Counter, h.Streak, h.BestStreak, h.RelatedTrigger,
        h.LastCheckIn, h.NotionId, h.NotionUrl, h.LastSynced, h.CreatedAt, h.UpdatedAt, h.Version, sync.State, sync.Error);
}
