using Hamgam.Core.Settings;
using Hamgam.Core.Sync.Webhooks;

namespace Hamgam.Web.Features.Webhooks;

public static class WebhookSetup
{
    /// <summary>Notion webhooks: the token store, the inbox between the endpoint and its background worker.</summary>
    public static IServiceCollection AddNotionWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookTokens>();
        services.AddSingleton<WebhookInbox>();
        services.AddTransient<PageRefresher>();
        services.AddHostedService<WebhookWorker>();
        return services;
    }
}
