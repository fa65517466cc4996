namespace Hamgam.Web.Features.Api;

/// <summary>Query-string filters shared by the list endpoints; each entity uses the ones that apply to it.</summary>
public sealed record EntityListQuery(
    int? Page,
    int? PageSize,
    string? Search,
    string? Status,
    string? Context,
    string? Tag,
    string? EnergyLevel,
    string? Importance,
    string? Urgency,
    Guid? ProjectId,
    bool? QuickWin);
