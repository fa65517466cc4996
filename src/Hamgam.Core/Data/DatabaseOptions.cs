using System.ComponentModel.DataAnnotations;

namespace Hamgam.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Where the SQLite file lives; defaults to <c>$STATE_DIRECTORY</c> under systemd, else ~/.local/share/hamgam.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Bound from <c>ConnectionStrings:Hamgam</c>; optional for SQLite, required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public DatabaseProvider ProviderKind => ParseProvider(Provider)
        ?? throw new InvalidOperationException($"Database:Provider '{Provider}' is not 'sqlite' or 'postgres'.");

    public string ResolveDataDirectory() =>
        string.IsNullOrWhiteSpace(DataDirectory)
            ? DefaultDataDirectory(Environment.GetEnvironmentVariable("STATE_DIRECTORY"))
            : Path.GetFullPath(DataDirectory);

    /// <summary>
    /// systemd's <c>StateDirectory=</c> folder when it is given (<c>$STATE_DIRECTORY</c>, the first of a colon-separated
    /// list), else the user's data folder.
    /// </summary>
    internal static string DefaultDataDirectory(string? stateDirectory) =>
        stateDirectory?.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..]
            ? Path.GetFullPath(first)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "hamgam");

    public string ResolveConnectionString() =>
        !string.IsNullOrWhiteSpace(ConnectionString)
            ? ConnectionString
            : ProviderKind == DatabaseProvider.Sqlite
                ? HamgamDbSetup.SqliteConnectionString(Path.Combine(ResolveDataDirectory(), "hamgam.db"))
                : throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Hamgam is not set.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var kind = ParseProvider(Provider);
        if (kind is null)
        {
            yield return new ValidationResult(
                $"Database:Provider must be 'sqlite' or 'postgres', not '{Provider}'.", [nameof(Provider)]);
        }
        else if (kind == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:Provider is 'postgres': set ConnectionStrings:Hamgam (e.g. Host=127.0.0.1;Username=…;Password=…;Database=hamgam).",
                [nameof(ConnectionString)]);
        }
    }

    private static DatabaseProvider? ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "sqlite" or "" or null => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => null,
    };
}
