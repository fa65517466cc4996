namespace Hamgam.Bench;

/// <summary>The command line: <c>[--large] [--only P1,P2] [--postgres "conn"] [--out folder]</c>.</summary>
internal sealed record BenchOptions(bool Large, IReadOnlySet<string>? Only, string? Postgres, string OutputFolder)
{
    public static BenchOptions Parse(string[] args)
    {
        var large = false;
        HashSet<string>? only = null;
        string? postgres = null;
        string? output = null;
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
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--large] [--only P1,P2,...] [--postgres \"<conn>\"] [--out <folder>]");
            }
        }

        return new BenchOptions(large, only, postgres, output ?? DefaultOutputFolder());
    }

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
