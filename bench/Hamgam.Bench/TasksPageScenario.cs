using System.Diagnostics;

namespace Hamgam.Bench;

/// <summary>
/// P6 (page half): GET /tasks with the API key, prerendered on the server (the Blazor page runs its queries and renders
/// the first page of the table), one request at a time after a warm-up. The interactive circuit's first render runs the
/// same component code again over SignalR; it is not driven here (no Blazor client in the bench).
/// </summary>
internal static class TasksPageScenario
{
    private const int Warmup = 5;
    private const int Requests = 30;

    public static async Task<List<Figure>> RunAsync(HttpClient client, RequestTimings timings, int tasks, CancellationToken cancellationToken)
    {
        Console.WriteLine($"P6: GET /tasks (prerendered, {tasks:N0} tasks): {Warmup} warm-up + {Requests} requests…");
        var size = 0;
        for (var i = 0; i < Warmup; i++)
        {
            size = (await GetAsync(client, cancellationToken)).Length;
        }

        timings.Take();
        var seen = new List<double>();
        for (var i = 0; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync(client, cancellationToken);
            seen.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var server = timings.Take().Where(t => t.Path == "/tasks").Select(t => t.Milliseconds).ToArray();
        var note = $"{server.Length} sequential requests after {Warmup} warm-up; server time from the first middleware to the complete response; " +
            $"as the client saw it: p50 {LoadResult.Percentile([.. seen], 0.5):0.0} ms; page {size / 1024.0:0} KB";
        return
        [
            new("P6", $"server time to render the tasks page ({tasks:N0} tasks), p50", LoadResult.Percentile(server, 0.5), "ms", Note: note),
            new("P6", $"server time to render the tasks page ({tasks:N0} tasks), p99", LoadResult.Percentile(server, 0.99), "ms",
                Note: $"max {server.DefaultIfEmpty().Max():0.0} ms; the interactive circuit's first render (same queries and components, over SignalR) is not measured"),
        ];
    }

    private static async Task<byte[]> GetAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync("/tasks", cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}
