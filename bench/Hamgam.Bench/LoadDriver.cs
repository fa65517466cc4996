using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Hamgam.Bench;

/// <summary>Sends requests at a fixed arrival rate and records each one's latency from its due time.</summary>
internal sealed class LoadDriver(HttpClient client, Guid[] ids)
{
#pragma warning disable CA5394 // the request mix is drawn for load, not security
    private readonly Random _random = new(42);

    public async Task<LoadResult> RunAsync(int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var samples = new ConcurrentBag<Sample>();
        var total = (int)(rate * duration.TotalSeconds);
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var kind = _random.Next(100) switch { < 40 => "list", < 70 => "get", < 90 => "patch", _ => "create" };
            var id = ids[_random.Next(ids.Length)];
            var page = _random.Next(1, 21);
            inFlight.Add(SendAsync(kind, id, page, due, clock, samples, cancellationToken));
        }

        await Task.WhenAll(inFlight);
        return new LoadResult([.. samples], clock.Elapsed);
    }

    /// <summary>Each kind of request alone, one at a time: the app's latency with no queueing.</summary>
    public async Task<Dictionary<string, double>> UnloadedAsync(int each, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var kind in (string[])["list", "get", "patch", "create"])
        {
            var samples = new ConcurrentBag<Sample>();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < each; i++)
            {
                await SendAsync(kind, ids[_random.Next(ids.Length)], _random.Next(1, 21), clock.Elapsed, clock, samples, cancellationToken);
            }

            result[kind] = samples.Select(s => s.Milliseconds).Order().ElementAt(each / 2);
        }

        return result;
    }
#pragma warning restore CA5394

    private async Task SendAsync(string kind, Guid id, int page, TimeSpan due, Stopwatch clock, ConcurrentBag<Sample> samples, CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            using var response = kind switch
            {
                "list" => await client.GetAsync($"/api/tasks?page={page}&pageSize=50", cancellationToken),
                "get" => await client.GetAsync($"/api/tasks/{id}", cancellationToken),
                "patch" => await client.PatchAsJsonAsync($"/api/tasks/{id}", new { name = "ویرایش " + due.Ticks }, cancellationToken),
                _ => await client.PostAsJsonAsync("/api/tasks", new { name = "تازه " + due.Ticks, status = "Not started" }, cancellationToken),
            };
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            error = response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            error = "connection";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "timeout (10 s)";
        }

        samples.Add(new Sample(kind is "list" or "get", error, (clock.Elapsed - due).TotalMilliseconds));
    }
}

internal sealed record Sample(bool Read, string? Error, double Milliseconds)
{
    public bool Ok => Error is null;
}

internal sealed record LoadResult(Sample[] Samples, TimeSpan Elapsed)
{
    public IReadOnlyList<Figure> Figures(int rate)
    {
        var errors = Samples.Count(s => !s.Ok);
        var kinds = string.Join(", ", Samples.Where(s => !s.Ok).GroupBy(s => s.Error).Select(g => $"{g.Key} ×{g.Count():N0}"));
        var reads = Samples.Where(s => s.Read).Select(s => s.Milliseconds).ToArray();
        var writes = Samples.Where(s => !s.Read).Select(s => s.Milliseconds).ToArray();
        var all = Samples.Select(s => s.Milliseconds).ToArray();
        var achieved = Samples.Length / Elapsed.TotalSeconds;
        var mix = $"{reads.Length:N0} reads (list 50 / get one), {writes.Length:N0} writes (patch / create)";
        return
        [
            new("P6", $"API p50 at {rate} req/s (mixed)", Percentile(all, 0.50), "ms", Note: $"reads {Percentile(reads, 0.5):0.0} ms, writes {Percentile(writes, 0.5):0.0} ms; {mix}"),
            new("P6", $"API p99 at {rate} req/s (mixed)", Percentile(all, 0.99), "ms", Note: $"reads {Percentile(reads, 0.99):0.0} ms, writes {Percentile(writes, 0.99):0.0} ms; max {all.DefaultIfEmpty().Max():0} ms"),
            new("P6", "API errors (non-2xx, timeouts)", errors, "req", 0, Judge.Exactly, Note: $"of {Samples.Length:N0}{(errors > 0 ? $" ({kinds})" : "")}; achieved {achieved:0.0} req/s over {Elapsed.TotalSeconds:0.0} s"),
        ];
    }

    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
