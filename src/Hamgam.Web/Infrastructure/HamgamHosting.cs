using Hamgam.Core.Data;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Conflicts;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Status;
using Hamgam.Core.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure;

/// <summary>What both the web host and the CLI verbs need.</summary>
public static class HamgamHosting
{
    /// <summary>Loopback by default: Hamgam never listens beyond this machine unless told to with --urls.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static IHostApplicationBuilder AddHamgamConfiguration(this IHostApplicationBuilder builder)
    {
        SeedEnvironment.Add(builder.Configuration, Directory.GetCurrentDirectory());
        if (builder is WebApplicationBuilder web)
        {
            if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
            {
                web.WebHost.UseUrls(DefaultUrl);
            }

            // `dotnet run` is Production by default; AntDesign's and Blazor's files then come from the build's manifest
            // (Development does this by itself). A published app has no such manifest, and this does nothing.
            web.WebHost.UseStaticWebAssets();
        }

        return builder;
    }

    public static IServiceCollection AddHamgamCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TaskCompletion>();
        services.AddSingleton<LocalChanges>();
        services.AddSingleton<FailedPushes>();
        services.AddSingleton<SyncActivity>();
        services.AddSingleton<ConflictInbox>();
        services.AddSingleton<SyncStatusReader>();
        return services;
    }

    /// <summary>
    /// SQLite is migrated automatically. PostgreSQL is shared infrastructure, so its schema changes only
    /// through the explicit <c>migrate</c> verb; a pending migration stops startup with that advice.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var factory = app.Services.GetRequiredService<IDbContextFactory<HamgamDb>>();
        await using var db = await factory.CreateDbContextAsync(app.Lifetime.ApplicationStopping);
        if (options.ProviderKind == DatabaseProvider.Sqlite)
        {
            await HamgamDbSetup.MigrateAsync(db, app.Lifetime.ApplicationStopping);
            return;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(app.Lifetime.ApplicationStopping)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}). " +
                "Run `dotnet run --project src/Hamgam.Web -- migrate` first.");
        }
    }
}
