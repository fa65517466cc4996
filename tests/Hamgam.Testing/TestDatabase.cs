using Hamgam.Core.Data;
using Hamgam.Core.Sync.Live;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Hamgam.Testing;

/// <summary>
/// A fresh, migrated database for one test: a temporary SQLite file, or a new PostgreSQL database that is
/// dropped afterwards. Contexts come from <see cref="Factory"/>, stamped by <see cref="Time"/>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;
    private ChangeFeedInterceptor? _changes;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresName = postgresName;
        Factory = new ContextFactory(this);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.Zero));

    public IDbContextFactory<HamgamDb> Factory { get; }

    /// <summary>What this database's contexts announce once a change is committed (as the app's <see cref="ChangeFeed"/>).</summary>
    public ChangeFeed Changes { get; } = new();

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true, CancellationToken cancellationToken = default)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("hamgam-test-").FullName;
            db = new TestDatabase(provider, HamgamDbSetup.SqliteConnectionString(Path.Combine(folder, "hamgam.db")), folder, null);
        }
        else
        {
            var name = "hamgam_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var admin = await OpenPostgresAdminAsync(cancellationToken))
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var cs = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = name }.ToString();
            db = new TestDatabase(provider, cs, null, name);
        }

        if (migrate)
        {
            await using var context = db.CreateContext();
            await HamgamDbSetup.MigrateAsync(context, cancellationToken);
        }

        return db;
    }

    public HamgamDb CreateContext()
    {
        var builder = new DbContextOptionsBuilder<HamgamDb>();
        HamgamDbSetup.Configure(builder, Provider, ConnectionString);
        builder.AddInterceptors(new AuditInterceptor(Time), _changes ??= new ChangeFeedInterceptor(Changes));
        return new HamgamDb(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a test's leaked connection; the temp folder is cleaned by the OS.
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = await OpenPostgresAdminAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<NpgsqlConnection> OpenPostgresAdminAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                "PostgreSQL is not reachable at HAMGAM_TEST_POSTGRES (default " + TestEnvironment.DefaultPostgres.Replace("Password=postgres", "Password=***", StringComparison.Ordinal) +
                "). Start it (bash .ci/run does), or set HAMGAM_TEST_SKIP_POSTGRES=1 to run SQLite only on a developer machine. " +
                "Under CI=true PostgreSQL tests never skip.", ex);
        }
    }

    private sealed class ContextFactory(TestDatabase owner) : IDbContextFactory<HamgamDb>
    {
        public HamgamDb CreateDbContext() => owner.CreateContext();
    }
}
