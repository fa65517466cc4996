using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Hamgam.Notion.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 that answers with scripted responses, in order, and records
/// every request with the fake time at which it arrived.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly TimeProvider _clock;

    private LoopbackServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
        app.Run(HandleAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Answers requests the script does not cover.</summary>
    public Func<HttpContext, Task>? Fallback { get; set; }

    public static async Task<LoopbackServer> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new LoopbackServer(builder.Build(), clock);
        await server._app.StartAsync();
        server.BaseUrl = new Uri(server._app.Urls.Single().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public void Enqueue(Func<HttpContext, Task> respond) => _script.Enqueue(respond);

    public void Enqueue(int status, string body, params (string Name, string Value)[] headers) =>
        Enqueue(ctx => RespondAsync(ctx, status, body, "application/json; charset=utf-8", headers));

    public void EnqueueRaw(int status, string body, string contentType, params (string Name, string Value)[] headers) =>
        Enqueue(ctx => RespondAsync(ctx, status, body, contentType, headers));

    /// <summary>A response that never comes (until the client gives up).</summary>
    public void EnqueueHang() => Enqueue(ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted));

    /// <summary>Waits (up to 10 s of real time) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_requests.Count < count)
        {
            await _arrived.WaitAsync(cts.Token);
        }
    }

    public static async Task RespondAsync(HttpContext ctx, int status, string body, string contentType, params (string Name, string Value)[] headers)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        foreach (var (name, value) in headers)
        {
            ctx.Response.Headers[name] = value;
        }

        await ctx.Response.WriteAsync(body, Encoding.UTF8, ctx.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ctx.RequestAborted);
        _requests.Enqueue(new RecordedRequest(
            ctx.Request.Method,
            ctx.Features.Get<IHttpRequestFeature>()!.RawTarget,
            body,
            ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            _clock.GetUtcNow()));
        _arrived.Release();
        if (_script.TryDequeue(out var respond))
        {
            await respond(ctx);
        }
        else if (Fallback is not null)
        {
            await Fallback(ctx);
        }
        else
        {
            await RespondAsync(ctx, 500, "no scripted response left", "text/plain");
        }
    }
}

public sealed record RecordedRequest(string Method, string PathAndQuery, string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);
