using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Hamgam.Bench;

/// <summary>
/// Server-side time of each request, from the first middleware until the response is complete (the prerendered
/// HTML written, or the API's JSON): what the app spends, without the client's queueing or the loopback.
/// </summary>
internal sealed class RequestTimings
{
    private ConcurrentQueue<(string Path, double Milliseconds)> _samples = new();

    /// <summary>Starts a fresh record and returns the one before.</summary>
    public (string Path, double Milliseconds)[] Take() => [.. Interlocked.Exchange(ref _samples, new())];

    public void Add(string path, double milliseconds) => _samples.Enqueue((path, milliseconds));

    /// <summary>Puts the timing middleware first in the app's pipeline.</summary>
    public sealed class StartupFilter(RequestTimings timings) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate inner) =>
            {
                var started = Stopwatch.GetTimestamp();
                await inner(context);
                timings.Add(context.Request.Path.Value ?? "", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            });
            next(app);
        };
    }
}
