namespace Hamgam.Testing;

/// <summary>Facts about where the tests run.</summary>
public static class TestEnvironment
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Timeout=5";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool PostgresOptedOut =>
        !IsCi && Environment.GetEnvironmentVariable("HAMGAM_TEST_SKIP_POSTGRES") == "1";

    /// <summary>An admin connection to the test PostgreSQL server (<c>HAMGAM_TEST_POSTGRES</c> overrides).</summary>
    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("HAMGAM_TEST_POSTGRES") is { Length: > 0 } value ? value : DefaultPostgres;

    /// <summary>The repository root: the folder holding <c>Hamgam.slnx</c>.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The <c>shared/</c> folder beside the repository (docs, seed, recorded API traffic).</summary>
    public static string SharedDir
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(dir)
                ? dir
                : throw new DirectoryNotFoundException($"shared/ was expected beside the repository at {dir}.");
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hamgam.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Hamgam.slnx above {AppContext.BaseDirectory}.");
    }
}
