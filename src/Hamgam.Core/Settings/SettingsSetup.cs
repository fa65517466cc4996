using Hamgam.Core.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hamgam.Core.Settings;

public static class SettingsSetup
{
    /// <summary>The settings store, and the saved property names wired into <see cref="NotionSyncOptions.PropertyName"/>.</summary>
    public static IServiceCollection AddHamgamSettings(this IServiceCollection services)
    {
        services.TryAddSingleton<SettingsStore>();
        services.TryAddSingleton<SavedPropertyNames>();
        services.AddOptions<NotionSyncOptions>().PostConfigure<SavedPropertyNames>((options, saved) => options.Saved = saved);
        return services;
    }
}
