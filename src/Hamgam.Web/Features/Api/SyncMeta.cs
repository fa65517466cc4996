namespace Hamgam.Web.Features.Api;

/// <summary>How a record stands with Notion: <c>local</c> (never pushed), <c>pending</c>, <c>synced</c> or <c>failed</c>.</summary>
public sealed record SyncMeta(string State, string? Error);
