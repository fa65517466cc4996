using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Hamgam.Sheets.Http;

/// <summary>
/// The retry policy: truncated exponential backoff with jitter for 408, 5xx and network failures; at least
/// <see cref="SheetsClientOptions.QuotaBackoff"/> after a 429; never 400, 401, 403 or 404. 5xx and network
/// failures are not retried for non-idempotent calls (append, adding tabs), because the first try may have been applied.
/// </summary>
internal static class SheetsRetry
{
    public static HttpRetryStrategyOptions Create(SheetsClientOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.AttemptNumber, args.Outcome.Result, options, Random.Shared.NextDouble())),
    };

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        var idempotent = request is null || !request.Options.TryGetValue(SheetsHttp.NotIdempotent, out var notIdempotent) || !notIdempotent;
        if (outcome.Exception is not null)
        {
            return idempotent && outcome.Exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or OperationCanceledException { CancellationToken.IsCancellationRequested: false };
        }

        var status = (int)outcome.Result!.StatusCode;
        return status == 429 || (idempotent && (status == (int)HttpStatusCode.RequestTimeout || status >= 500));
    }

    /// <summary>The wait before retry number <paramref name="attempt"/> + 1 (0-based); <paramref name="jitter"/> is in [0, 1).</summary>
    public static TimeSpan Delay(int attempt, HttpResponseMessage? response, SheetsClientOptions options, double jitter)
    {
        var exponential = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(attempt, 16)) + jitter);
        var wait = exponential < options.MaxBackoff ? exponential : options.MaxBackoff;
        if (response?.Headers.RetryAfter?.Delta is { } retryAfter && retryAfter > wait)
        {
            wait = retryAfter;
        }

        if (response is not null && (int)response.StatusCode == 429)
        {
            var quota = options.QuotaBackoff + TimeSpan.FromSeconds(jitter);
            wait = quota > wait ? quota : wait;
        }

        return wait;
    }
}
