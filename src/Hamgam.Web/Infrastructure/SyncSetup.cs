using Hamgam.Core.Backup;
using Hamgam.Core.Backup.Restore;
using Hamgam.Core.Recurring;
using Hamgam.Sheets;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Coordination;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Sync.Push;
using Hamgam.Core.Time;
using Hamgam.Notion;
using Hamgam.Web.Features.Sync;
using Hamgam.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure;

/// <summary>The sync engine: Notion client from the <c>Notion</c> section, the user's clock, runs and the runner.</summary>
public static class SyncSetup
{
    public static IServiceCollection AddHamgamSync(this IServiceCollection services)
    {
        services.AddOptions<NotionSyncOptions>().BindConfiguration(NotionSyncOptions.Section)
            .Validate(o => o.RequestsPerSecond is > 0 and <= 1000, "Notion:RequestsPerSecond must be between 0 and 1000.")
            .Validate(o => o.Burst is >= 1 and <= 1000, "Notion:Burst must be between 1 and 1000.")
            .Validate(o => SecureTransport.IsAllowed(o.BaseUrl), SecureTransport.Problem("Notion:BaseUrl"))
            .ValidateOnStart();
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddNotionClient();
        services.AddOptions<NotionClientOptions>().Configure<IOptions<NotionSyncOptions>>((client, sync) =>
        {
            client.BaseUrl = sync.Value.BaseUrl;
            client.Token = sync.Value.Token ?? "";
            client.Version = sync.Value.Version;
            client.RequestsPerSecond = sync.Value.RequestsPerSecond;
            client.Burst = sync.Value.Burst;
        });
        services.AddSingleton(sp => new UserClock(
            sp.GetRequiredService<TimeProvider>(), UserClock.ResolveZone(sp.GetRequiredService<IOptions<SyncOptions>>().Value.TimeZone)));
        services.AddOptions<SheetsBackupOptions>().BindConfiguration(SheetsBackupOptions.Section)
            .Validate(o => SecureTransport.IsAllowed(o.BaseUrl), SecureTransport.Problem("Sheets:BaseUrl"))
            .ValidateOnStart();
        services.AddSheetsClient();
        services.AddOptions<SheetsClientOptions>().Configure<IOptions<SheetsBackupOptions>>((client, backup) =>
        {
            client.BaseUrl = backup.Value.BaseUrl;
            client.CredentialsFile = backup.Value.CredentialsFile;
        });
        services.AddTransient<SheetsBackup>();
        services.AddTransient<SheetsRestore>();
        services.AddSingleton<RunLog>();
        services.AddSingleton<MoveCheckSchedule>();
        services.AddTransient<NotionPuller>();
        services.AddTransient<NotionPusher>();
        services.AddTransient<RecurringTaskGenerator>();
        services.AddSingleton<RunLocks>();
        services.AddSingleton<SyncRunner>();
        services.AddSingleton<ISyncTriggers>(sp => sp.GetRequiredService<SyncRunner>());
        return services;
    }
}
