namespace Hamgam.Bench;

/// <summary>One runnable unit: the figures it produces (P1…P6), a time bound, and how to run it.</summary>
internal sealed record Scenario(string[] Ids, TimeSpan Bound, Func<CancellationToken, Task<List<Figure>>> RunAsync);

internal static class Scenarios
{
    public static IEnumerable<Scenario> All(BenchOptions options)
    {
        yield return new(["P1", "P2", "P5"], options.PullPages > 20_000 ? TimeSpan.FromMinutes(45) : TimeSpan.FromMinutes(8), new PullScenarios(options).RunAsync);
        yield return new(["P3"], TimeSpan.FromMinutes(8), new PushScenario(options).RunAsync);
        yield return new(["P4"], TimeSpan.FromMinutes(5), new BackupScenario(options).RunAsync);
        yield return new(["P6"], TimeSpan.FromMinutes(4), new ApiScenario(options).RunAsync);
        yield return new(["F1", "F1B", "F2", "F3", "F5"], TimeSpan.FromMinutes(25), new LiveScenario(options).RunAsync);
    }

    public static async Task<List<Figure>> RunBoundedAsync(Scenario scenario)
    {
        using var bound = new CancellationTokenSource(scenario.Bound);
        try
        {
            return await scenario.RunAsync(bound.Token);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            return [Figure.NotRun(scenario.Ids[0], string.Join("/", scenario.Ids), $"timed out after {scenario.Bound.TotalMinutes:0} min")];
        }
    }
}
