using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Hamgam.Bench;

/// <summary>The markdown table with the machine, the date and the commit, printed and kept in bench/results.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyList<Figure> figures, BenchOptions options, DateTimeOffset startedAt, string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Hamgam bench — {title}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date (UTC): {startedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Commit: {Commit()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Machine()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Database: {(options.Postgres is null ? "SQLite (temp file)" : "PostgreSQL")}; size: {(options.Suffix.Length > 0 ? options.Suffix.TrimStart('-') : "default")}");
        text.AppendLine("- Notion emulator (in a child process): rate limit 3 req/s (burst 10), 150 ms latency per request; NotionClient at its defaults (3 req/s, burst 8)"
            + (options.NoThrottle ? "; **--no-throttle: the measured full pull ran with the rate limit, latency and client limiter off**." : "."));
        text.AppendLine(CultureInfo.InvariantCulture, $"- GC: {MemorySampler.GcSettings()}");
        if (options.SqliteAnalyze)
        {
            text.AppendLine("- **--sqlite-analyze (what-if): ANALYZE was run on the API scenario's SQLite database after seeding; Hamgam never runs it itself.**");
        }

        text.AppendLine();
        text.AppendLine("| figure | measured | floor/target | ratio | pass? | note |");
        text.AppendLine("|---|---:|---:|---:|:---:|---|");
        foreach (var f in figures)
        {
            var ratio = f.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "—";
            var pass = f.Passed switch { true => "yes", false => "**no**", null => "—" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Scenario}: {f.Name} | {f.MeasuredText} | {f.TargetText} | {ratio} | {pass} | {f.Note ?? ""} |");
        }

        return text.ToString();
    }

    public static async Task<string> WriteAsync(string folder, string name, string markdown, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        // Earlier results are kept: a second run on the same day gets -2, -3, ...
        var path = Path.Combine(folder, name + ".md");
        for (var i = 2; File.Exists(path); i++)
        {
            path = Path.Combine(folder, $"{name}-{i}.md");
        }

        await File.WriteAllTextAsync(path, markdown, cancellationToken);
        return path;
    }

    private static string Machine()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {memory:0.0} GiB memory, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}");
    }

    private static string Commit()
    {
        var commit = Git("rev-parse --short HEAD");
        if (commit is null)
        {
            return "unknown (no git checkout)";
        }

        // Uncommitted changes to tracked files mean the figures are not exactly this commit's.
        return string.IsNullOrEmpty(Git("status --porcelain --untracked-files=no")) ? commit : commit + " (with uncommitted changes)";
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5000);
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
