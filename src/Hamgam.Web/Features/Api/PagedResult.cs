namespace Hamgam.Web.Features.Api;

/// <summary>One page of a list.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
