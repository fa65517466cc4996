using Hamgam.Core.Sync.Live;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hamgam.Web.Infrastructure.Live;

/// <summary>Live sync: push on save, adaptive polling, and live pages on every instance.</summary>
public static class LiveSetup
{
    public static IServiceCollection AddHamgamLive(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section)
            .Validate(o => o.Debounce >= TimeSpan.Zero && o.MaxDelay >= o.Debounce, "Live: Debounce must be ≥ 0 and MaxDelay ≥ Debounce.")
            .Validate(o => o.ActivePollInterval == TimeSpan.Zero || o.ActivePollInterval >= TimeSpan.FromSeconds(5),
                "Live:ActivePollInterval must be 0 (off) or at least 5 seconds, to stay well inside Notion's request budget.")
            .ValidateOnStart();
        services.AddSingleton<UsageTracker>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, UsageTracker.CircuitCounter>());
        services.AddHostedService<PushOnSave>();
        services.AddHostedService<LivePoller>();
        services.AddHostedService<PostgresChangeRelay>();
        return services;
    }

    /// <summary>Authenticated API requests count as use (a script or integration is working with Hamgam).</summary>
    public static IApplicationBuilder UseUsageTracking(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.User.Identity?.IsAuthenticated == true && context.Request.Path.StartsWithSegments("/api"))
            {
                context.RequestServices.GetRequiredService<UsageTracker>().ApiRequestSeen();
            }
        });

    /// <summary>Logs a page that failed while reloading on a change (the change still reached the others).</summary>
    public static void LogListenerFailures(this IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<ChangeFeed>();
        services.GetRequiredService<ChangeFeed>().ListenerFailed += ex => LiveLog.ListenerFailed(logger, ex.GetType().Name);
    }
}

internal static partial class LiveLog
{
    [LoggerMessage(EventId = 3231, Level = LogLevel.Warning, Message = "A live page failed to take a change ({Error}).")]
    public static partial void ListenerFailed(ILogger logger, string error);
}
