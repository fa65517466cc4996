using Hamgam.Core.DailyLogs;
using Hamgam.Web.Features.Api;

namespace Hamgam.Web.Features.DailyLogs;

/// <summary>A daily log as the API shows it.</summary>
public sealed record DailyLogDto(
    Guid Id,
    string Name,
    string? Date,
    string? Mood,
    double? Energy,
    string? TopWin,
    string? MainObstacle,
    string? TechniquesSuggested,
    string? Reflection,
    string? TechniquesUsed,
    string? BadHabits,
    string? GoodHabits,
    string? Desires,
    string? DailyReport,
    string? NotionId,
    string? NotionUrl,
    DateTimeOffset? LastSynced,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    string SyncState,
    string? SyncError)
{
    public static DailyLogDto From(DailyLog d, SyncMeta sync) => new(
        d.Id, d.Name, d.Date?.ToString(), d.Mood, d.Energy, d.TopWin, d.MainObstacle, d.TechniquesSuggested, d.Reflection,
        d.TechniquesUsed, d.BadHabits, d.GoodHabits, d.Desires, d.DailyReport,
        d.NotionId, d.NotionUrl, d.LastSynced, d.CreatedAt, d.UpdatedAt, d.Version, sync.State, sync.Error);
}
