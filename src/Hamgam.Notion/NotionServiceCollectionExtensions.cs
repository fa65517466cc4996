using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace Hamgam.Notion;

/// <summary>Registers <see cref="NotionClient"/> and its HTTP pipeline.</summary>
public static class NotionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="NotionClient"/> (a typed HTTP client), <see cref="NotionRequestMeter"/>, and the
    /// pipeline: retries with backoff (outermost), the token's shared priority rate limiter (each attempt
    /// waits for a permit), a per-attempt timeout, and the meter. Uses the registered
    /// <see cref="TimeProvider"/> (the system clock unless one is registered).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options (they can also be bound from configuration).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddNotionClient(this IServiceCollection services, Action<NotionClientOptions>? configure = null)
    {
        var options = services.AddOptions<NotionClientOptions>()
            .Validate(o => o.Validate() is null, "Invalid Notion client options (see NotionClientOptions.Validate).")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NotionRequestMeter>();
        services.TryAddSingleton<NotionRateLimiterRegistry>();
        services.TryAddTransient<NotionRateLimitHandler>();
        services.TryAddTransient<NotionMeterHandler>();

        var builder = services.AddHttpClient<NotionClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.RedactLoggedHeaders(["Authorization"]);
        builder.AddResilienceHandler("notion-retry", (pipeline, context) =>
        {
            var (settings, time) = Resolve(context.ServiceProvider);
            pipeline.TimeProvider = time;
            if (settings.MaxRetries > 0)
            {
                var logger = context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("Hamgam.Notion") ?? NullLogger.Instance;
                pipeline.AddRetry(NotionRetryPolicy.Create(settings, time, logger));
            }
        });
        builder.AddHttpMessageHandler<NotionRateLimitHandler>();
        builder.AddResilienceHandler("notion-attempt-timeout", (pipeline, context) =>
        {
            var (settings, time) = Resolve(context.ServiceProvider);
            pipeline.TimeProvider = time;
            pipeline.AddTimeout(settings.Timeout);
        });
        builder.AddHttpMessageHandler<NotionMeterHandler>();
        return services;
    }

    private static (NotionClientOptions Options, TimeProvider Time) Resolve(IServiceProvider services) =>
        (services.GetRequiredService<IOptions<NotionClientOptions>>().Value, services.GetRequiredService<TimeProvider>());
}
