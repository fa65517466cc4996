namespace Hamgam.Bench;

/// <summary>
/// The command line: <c>[--large] [--only P1,P2] [--postgres "conn"] [--out folder] [--pages N] [--no-throttle] [--sqlite-analyze]</c>.
/// <c>--pages</c> sets the size of the pull scenarios (P1, P2, P5) instead of 10,000 (100,000 with <c>--large</c>);
/// <c>--no-throttle</c> runs the measured full pull with the rate limit, latency and client limiter off (for P5 only:
/// memory, not wall time). <c>--sqlite-analyze</c> (a what-if for P6) runs SQLite's ANALYZE after seeding the API
/// scenario's database, which Hamgam itself never runs.
/// </summary>
internal sealed record BenchOptions(bool Large, IReadOnlySet<string>? Only, string? Postgres, string OutputFolder, int? Pages = null, bool NoThrottle = false, bool SqliteAnalyze = false, bool Quick = false)
{
    private const string Usage = "Usage: [--large] [--only P1,P2,...] [--postgres \"<conn>\"] [--out <folder>] [--pages N] [--no-throttle] [--sqlite-analyze] [--quick]";

    /// <summary>Pages in the pull scenarios.</summary>
    public int PullPages => Pages ?? (Large ? 100_000 : 10_000);

    public static BenchOptions Parse(string[] args)
    {
        var large = false;
        HashSet<string>? only = null;
        string? postgres = null;
        string? output = null;
        int? pages = null;
        var noThrottle = false;
        var analyze = false;
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--large":
                    large = true;
                    break;
                case "--only" when i + 1 < args.Length:
                    only = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant())];
                    break;
                case "--postgres" when i + 1 < args.Length:
                    postgres = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--pages" when i + 1 < args.Length:
                    pages = int.TryParse(args[++i], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                        ? n
                        : throw new ArgumentException($"--pages needs a positive number. {Usage}");
                    break;
                case "--no-throttle":
                    noThrottle = true;
                    break;
                case "--sqlite-analyze":
                    analyze = true;
                    break;
                case "--quick":
                    quick = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        return new BenchOptions(large, only, postgres, output ?? DefaultOutputFolder(), pages, noThrottle, analyze, quick);
    }

    /// <summary>How this run differs from the default size, for titles and file names: <c>-large</c>, <c>-20000p</c>, <c>-no-throttle</c>.</summary>
    public string Suffix => (Pages is { } p ? $"-{p}p" : Large ? "-large" : "") + (NoThrottle ? "-no-throttle" : "") + (SqliteAnalyze ? "-analyze" : "") + (Quick ? "-quick" : "");

    public bool Runs(string scenario) => Only is null || Only.Contains(scenario);

    /// <summary>The checkout this bench was built in (the folder holding Hamgam.slnx), if any.</summary>
    public static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hamgam.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>bench/results in the checkout; the current folder otherwise.</summary>
    private static string DefaultOutputFolder() =>
        RepoRoot() is { } root ? Path.Combine(root, "bench", "results") : Path.Combine(Directory.GetCurrentDirectory(), "bench-results");
}
