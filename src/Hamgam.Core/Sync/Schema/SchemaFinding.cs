using Hamgam.Core.Data;

namespace Hamgam.Core.Sync.Schema;

/// <summary>How serious a finding is: <see cref="Error"/> stops that database from syncing correctly.</summary>
public enum SchemaSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>One thing found about a database: what is wrong (or notable) and what to do, in plain words.</summary>
public sealed record SchemaFinding(SchemaSeverity Severity, string? Property, string Message);

/// <summary>The check of one configured database.</summary>
/// <param name="Kind">The entity.</param>
/// <param name="Configured">The configured id or URL; null when none is configured.</param>
/// <param name="DataSourceTitle">The data source's title when it was reached.</param>
/// <param name="Findings">What is wrong or notable; no errors means the database is usable.</param>
public sealed record DatabaseCheck(EntityKind Kind, string? Configured, string? DataSourceTitle, IReadOnlyList<SchemaFinding> Findings)
{
    public bool Ok => Findings.All(f => f.Severity != SchemaSeverity.Error);
}
