using Hamgam.Core.Settings;
using Hamgam.Core.Sync.Schema;

namespace Hamgam.Web.Features.Settings;

public static class ConnectionCheckSetup
{
    /// <summary>The settings page's "Test connection" for Notion (schema check) and Sheets, and its check of property names.</summary>
    public static IServiceCollection AddConnectionChecks(this IServiceCollection services)
    {
        services.AddTransient<NotionSchemaChecker>();
        services.AddTransient<IConnectionCheck, NotionConnectionCheck>();
        services.AddTransient<IConnectionCheck, SheetsConnectionCheck>();
        services.AddTransient<MappingChecker>();
        return services;
    }
}
