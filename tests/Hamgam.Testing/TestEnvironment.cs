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

    /// <summary>
    /// The repository root: the nearest folder above the test binaries holding <c>Hamgam.slnx</c>. The one way tests
    /// find files of the repository; everything they read lives inside it, so a bare clone passes.
    /// </summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Recorded real Notion responses, with their README and manifest.</summary>
    public static string NotionConformance => InRepo("tests", "conformance", "notion");

    /// <summary>Recorded real Google Sheets responses, with their README and manifest.</summary>
    public static string SheetsConformance => InRepo("tests", "conformance", "sheets");

    /// <summary>A path inside the repository, from its parts.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

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
