using Hamgam.Sheets.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace Hamgam.Sheets;

/// <summary>Registers <see cref="SheetsClient"/>.</summary>
public static class SheetsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SheetsClient"/> as a typed HttpClient with, from outside in: the retry policy (Polly, on the
    /// registered <see cref="TimeProvider"/>), a per-attempt timeout, the service-account bearer token, and <see cref="SheetsRequestMeter"/>.
    /// </summary>
    public static IServiceCollection AddSheetsClient(this IServiceCollection services, Action<SheetsClientOptions>? configure = null)
    {
        var options = services.AddOptions<SheetsClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SheetsRequestMeter>();
        services.TryAddSingleton<SheetsCredential>();
        services.TryAddTransient<SheetsAuthHandler>();
        services.TryAddTransient<SheetsMeterHandler>();
        var client = services.AddHttpClient<SheetsClient>((provider, http) =>
        {
            http.BaseAddress = provider.GetRequiredService<IOptions<SheetsClientOptions>>().Value.BaseUrl;

            // HttpClient's own timeout would span all retries (and a 60 s quota wait); attempts time out in the pipeline instead.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddResilienceHandler("sheets", (pipeline, context) =>
            {
                pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
                pipeline.AddRetry(SheetsRetry.Create(context.ServiceProvider.GetRequiredService<IOptions<SheetsClientOptions>>().Value));
            });

        // Each attempt's timeout measures real I/O time, so it stays on the system clock even when tests fake time.
        client.AddResilienceHandler("sheets-attempt", (pipeline, context) =>
            {
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<SheetsClientOptions>>().Value.AttemptTimeout);
            });
        client.AddHttpMessageHandler<SheetsAuthHandler>().AddHttpMessageHandler<SheetsMeterHandler>();
        return services;
    }
}
