using System.Data.Common;
using Hamgam.Core.Settings;
using Hamgam.Core.Sync.Live;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hamgam.Core.Data;

/// <summary>Chooses the provider, its migrations assembly and its connection settings.</summary>
public static class HamgamDbSetup
{
    public const string SqliteMigrationsAssembly = "Hamgam.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Hamgam.Migrations.Postgres";

    public static string SqliteConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30, Pooling = true }.ToString();

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
            builder.AddInterceptors(SqlitePragmas.Instance);
        }
        else
        {
            builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
        }
    }

    /// <summary>Registers <see cref="IDbContextFactory{HamgamDb}"/> from the validated <c>Database</c> options.</summary>
    public static IServiceCollection AddHamgamDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, config) =>
                o.ConnectionString ??= config.GetConnectionStringOrNull("Hamgam"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddDbContextFactory<HamgamDb>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            Configure(builder, options.ProviderKind, options.ResolveConnectionString());
            builder.AddInterceptors(new AuditInterceptor(sp.GetRequiredService<TimeProvider>()), sp.GetRequiredService<ChangeFeedInterceptor>());
        });
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<ChangeFeedInterceptor>();
        services.AddHamgamSettings();
        return services;
    }

    /// <summary>Applies pending migrations; for SQLite also creates the folder and switches the file to WAL.</summary>
    public static async Task MigrateAsync(HamgamDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static string? GetConnectionStringOrNull(this Microsoft.Extensions.Configuration.IConfiguration config, string name)
    {
        var value = config.GetSection("ConnectionStrings")[name];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Every SQLite connection waits for locks instead of failing at once, and syncs less eagerly under WAL.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            command.ExecuteNonQuery();
        }
    }
}
