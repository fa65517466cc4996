using Hamgam.Core.Projects;
using Hamgam.Web.Features.Api;

namespace Hamgam.Web.Features.Projects;

/// <summary>A project as the API shows it.</summary>
public sealed record ProjectDto(
    Guid Id,
    string Name,
    string? Status,
    string? Area,
    string? Priority,
    string? StartDate,
    string? TargetDate,
    string? Vision,
    string? NotionId,
    string? NotionUrl,
    DateTimeOffset? LastSynced,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    string SyncState,
    string? SyncError)
{
    public static ProjectDto From(Project p, SyncMeta sync) => new(
        p.Id, p.Name, p.Status, p.Area, p.Priority, p.StartDate?.ToString(), p.TargetDate?.ToString(), p.Vision,
        p.NotionId, p.NotionUrl, p.LastSynced, p.CreatedAt, p.UpdatedAt, p.Version, sync.State, sync.Error);
}
