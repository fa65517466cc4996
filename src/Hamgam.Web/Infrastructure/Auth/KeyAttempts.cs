using System.Threading.RateLimiting;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>
/// Wrong keys, per client address: ten may fail in a row, then one attempt every <see cref="Backoff"/> (a token bucket
/// of the framework's rate limiter). A client out of attempts gets 429 before its key is even looked at.
/// </summary>
public sealed partial class KeyAttempts(ILogger<KeyAttempts> logger) : IDisposable
{
    public const int Allowed = 10;
    public static readonly TimeSpan Backoff = TimeSpan.FromSeconds(30);

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Allowed,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = Backoff,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public bool IsBlocked(HttpContext context) => _failures.GetStatistics(Client(context))?.CurrentAvailablePermits is <= 0;

    public void RecordFailure(HttpContext context, string where)
    {
        using var lease = _failures.AttemptAcquire(Client(context));
        LogFailed(logger, where, Client(context), context.Request.Headers.UserAgent.ToString());
    }

    /// <summary>Answers 429 (with Retry-After) to a client out of attempts that presents a key again.</summary>
    public static IApplicationBuilder UseKeyAttemptLimit(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var presentsKey = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase));
        if (presentsKey && context.RequestServices.GetRequiredService<KeyAttempts>().IsBlocked(context))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = ((int)Backoff.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }

        await next(context);
    });

    public void Dispose() => _failures.Dispose();

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "A wrong API key was presented ({Where}) by {Client} ({UserAgent}).")]
    private static partial void LogFailed(ILogger logger, string where, string client, string userAgent);
}
