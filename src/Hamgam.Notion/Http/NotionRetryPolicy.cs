using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Hamgam.Notion;

/// <summary>
/// Which failures are retried and how long to wait. 429 and 529 are retried on every request (they
/// guarantee nothing was done), honouring <c>Retry-After</c>; 409, 5xx and timeouts are retried except on
/// requests that create something (any POST but a query), which the caller de-duplicates instead;
/// 4xx errors such as 400, 401, 403 and 404 are never retried.
/// </summary>
internal static partial class NotionRetryPolicy
{
    public static HttpRetryStrategyOptions Create(NotionClientOptions options, TimeProvider time, ILogger logger) => new()
    {
        MaxRetryAttempts = options.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.RetryMaxDelay,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), options, time)),
        DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result, time)),
        OnRetry = args =>
        {
            var request = args.Context.GetRequestMessage();
            LogRetry(logger, request?.Method.Method, request?.RequestUri?.AbsolutePath, args.AttemptNumber + 1,
                args.RetryDelay, (int?)args.Outcome.Result?.StatusCode ?? 0);
            return ValueTask.CompletedTask;
        },
    };

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, NotionClientOptions options, TimeProvider time)
    {
        var creates = request is not null && CreatesSomething(request);
        if (outcome.Exception is not null)
        {
            return !creates && outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var status = (int?)outcome.Result?.StatusCode;
        return status switch
        {
            429 or 529 => !(RetryAfter.From(outcome.Result, time) > options.MaxRetryAfter),
            409 or 500 or 502 or 503 or 504 => !creates,
            _ => false,
        };
    }

    /// <summary>POSTs create pages, databases or data sources, except queries and search, which only read, and
    /// moves, which are the same when repeated.</summary>
    internal static bool CreatesSomething(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && !NotionTransport.IsRepeatablePost(request.RequestUri?.AbsolutePath ?? string.Empty);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "Notion {Method} {Path}: attempt {Attempt} failed (HTTP {Status}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string? method, string? path, int attempt, TimeSpan delay, int status);
}
