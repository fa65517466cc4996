namespace Hamgam.Bench;

/// <summary>
/// Hamgam's performance figures (issue 10). Not part of <c>dotnet test</c>; every scenario bounds its own time.
/// <c>dotnet run --project bench/Hamgam.Bench -c Release -- [--large] [--only P1,P2] [--postgres "&lt;conn&gt;"]</c>
/// (not a top-level program: the app's own <c>Program</c> is hosted by the API scenario).
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [NotionHost.Verb])
        {
            return await NotionHost.RunAsync();
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var startedAt = TimeProvider.System.GetUtcNow();
        var all = new List<Figure>();
        foreach (var scenario in Scenarios.All(options).Where(s => s.Ids.Any(options.Runs)))
        {
            var figures = await Scenarios.RunBoundedAsync(scenario);
            all.AddRange(figures);
            var title = string.Join("-", scenario.Ids.Where(options.Runs));
            var markdown = Report.Markdown(figures, options, startedAt, title + (options.Suffix.Length > 0 ? $" ({options.Suffix.TrimStart('-')})" : ""));
            var name = $"{startedAt.UtcDateTime:yyyy-MM-dd}-{title}{options.Suffix}";
            var path = await Report.WriteAsync(options.OutputFolder, name, markdown, CancellationToken.None);
            Console.WriteLine($"  → {path}");
        }

        Console.WriteLine();
        Console.WriteLine(Report.Markdown(all, options, startedAt, "all scenarios run"));
        return all.Any(f => f.Passed == false) ? 1 : 0;
    }
}
