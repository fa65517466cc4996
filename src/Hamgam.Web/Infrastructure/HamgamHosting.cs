using Hamgam.Core.Data;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Conflicts;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Status;
using Hamgam.Core.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Infrastructure;

/// <summary>What both the web host and the CLI verbs need.</summary>
public static partial class HamgamHosting
{
    /// <summary>Loopback by default: Hamgam never listens beyond this machine unless told to with --urls.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The web host's options. A published Hamgam started from another folder (a service, the single file, which unpacks
    /// itself elsewhere) finds its <c>wwwroot</c> and <c>appsettings.json</c> beside its code, not in the current folder.
    /// </summary>
    public static WebApplicationOptions WebOptions(string[] args)
    {
        var here = Directory.GetCurrentDirectory();
        var app = AppContext.BaseDirectory;
        var useApp = !Directory.Exists(Path.Combine(here, "wwwroot")) && Directory.Exists(Path.Combine(app, "wwwroot"));
        return new WebApplicationOptions { Args = args, ContentRootPath = useApp ? app : null };
    }

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

    /// <summary>
    /// Under systemd (<c>JOURNAL_STREAM</c> is set when stdout is the journal) each event is one line, prefixed with its
    /// syslog priority (<c>&lt;6&gt;</c>) so journalctl can filter by level, with no colour codes.
    /// </summary>
    public static WebApplicationBuilder AddJournalLogging(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM")))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddSystemdConsole();
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
    /// SQLite is migrated automatically, after a copy of the file is kept. PostgreSQL is shared infrastructure, so its
    /// schema changes only through the explicit <c>migrate</c> verb; a pending migration stops startup with that advice.
    /// A database from a newer Hamgam stops startup too (<see cref="DatabaseTooNewException"/>).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<HamgamDb>>();
        await using var db = await factory.CreateDbContextAsync(app.Lifetime.ApplicationStopping);
        try
        {
            var (before, copy) = await SchemaUpgrade.PrepareAsync(db, migratePostgres: false, app.Lifetime.ApplicationStopping);
            if (copy is not null)
            {
                LogUpgraded(app.Logger, before.Pending.Count, copy);
            }
        }
        catch (DatabaseVersionException ex)
        {
            // Said once, plainly, where the operator looks (the journal), before the exception stops the process.
            LogRefused(app.Logger, ex.Message);
            throw;
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Critical, Message = "Hamgam cannot start on this database: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "The database came from an older Hamgam: {Count} migration(s) applied; the file as it was is kept at {Copy}.")]
    private static partial void LogUpgraded(ILogger logger, int count, string copy);
}
