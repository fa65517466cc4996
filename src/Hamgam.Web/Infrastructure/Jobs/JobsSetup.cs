using Hamgam.Core.Data;
using Hamgam.Core.Sync.Activity;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>
/// The job engine (Hangfire): storage in the app's own database — PostgreSQL in its own schema <c>hangfire</c>, or the
/// app's SQLite file (Hangfire's PascalCase tables beside EF's snake_case ones, both in WAL mode, one native SQLite
/// library for both) — the schedules, the server, and the dashboard at <c>/hangfire</c>.
/// Storage, activator and clients are per app (registered in DI), not Hangfire's process-wide statics.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddHamgamJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section)
            .Validate(o => o.PollingInterval > TimeSpan.Zero && o.WorkerCount > 0 && o.LockTimeout > TimeSpan.Zero, "Jobs: intervals and worker count must be positive.")
            .ValidateOnStart();
        services.AddSingleton(CreateStorage);
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) =>
        {
            HangfireLogging.Use(sp.GetRequiredService<ILoggerFactory>());
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(new HangfireLogging());
        });
        services.AddHangfireServer((sp, server) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = jobs.WorkerCount;
            server.SchedulePollingInterval = jobs.PollingInterval;
            server.ShutdownTimeout = jobs.ShutdownTimeout;
            server.StopTimeout = jobs.ShutdownTimeout;
        });
        var hangfireServer = services.Last(d => d.ServiceType == typeof(IHostedService));
        services.Remove(hangfireServer);
        services.AddSingleton<IHostedService>(sp => new GracefulStop((IHostedService)hangfireServer.ImplementationFactory!(sp)));
        services.AddTransient<SyncJobs>();
        services.AddSingleton<JobTriggers>();
        services.Replace(ServiceDescriptor.Singleton<ISyncTriggers>(sp => sp.GetRequiredService<JobTriggers>()));
        services.AddSingleton<JobSchedules>();
        services.AddHostedService(sp => sp.GetRequiredService<JobSchedules>());
        return services;
    }

    /// <summary>The dashboard at <c>/hangfire</c>, for signed-in users only (the fallback policy and its own filter).</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new DashboardAuthorization()], AppPath = "/" },
            app.ServiceProvider.GetRequiredService<JobStorage>()).RequireAuthorization();
        return app;
    }

    private static JobStorage CreateStorage(IServiceProvider sp)
    {
        sp.GetRequiredService<IGlobalConfiguration>();
        var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
        if (database.ProviderKind == DatabaseProvider.Postgres)
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ResolveConnectionString(), new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = jobs.PollingInterval,
                DistributedLockTimeout = jobs.LockTimeout,
                InvisibilityTimeout = jobs.LockTimeout,
                UseSlidingInvisibilityTimeout = true,
                EnableLongPolling = true,
            });
        }

        return new SQLiteStorage(JobsFilePath(database), new SQLiteStorageOptions
        {
            QueuePollInterval = jobs.PollingInterval,
            DistributedLockLifetime = TimeSpan.FromSeconds(30),
        });
    }

    /// <summary>The app's SQLite file (its folder created if need be).</summary>
    public static string JobsFilePath(DatabaseOptions database)
    {
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(database.ResolveConnectionString()).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(file) ?? database.ResolveDataDirectory());
        return file;
    }
}
