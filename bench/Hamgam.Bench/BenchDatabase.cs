using System.Data.Common;
using Hamgam.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Hamgam.Bench;

/// <summary>
/// A fresh, migrated database for one scenario: a temp SQLite file by default, or a new database on the given
/// PostgreSQL server (dropped afterwards). Every command that writes is counted by <see cref="Writes"/>.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable, IDbContextFactory<HamgamDb>
{
    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public WriteCounter Writes { get; } = new();

    public static async Task<BenchDatabase> CreateAsync(string? postgres, CancellationToken cancellationToken)
    {
        BenchDatabase db;
        if (postgres is null)
        {
            var folder = Directory.CreateTempSubdirectory("hamgam-bench-").FullName;
            db = new BenchDatabase(DatabaseProvider.Sqlite, HamgamDbSetup.SqliteConnectionString(Path.Combine(folder, "hamgam.db")), folder, null, null);
        }
        else
        {
            var name = "hamgam_bench_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(postgres, $"CREATE DATABASE \"{name}\"", cancellationToken);
            var cs = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ToString();
            db = new BenchDatabase(DatabaseProvider.Postgres, cs, null, postgres, name);
        }

        await using var context = db.CreateDbContext();
        await HamgamDbSetup.MigrateAsync(context, cancellationToken);
        return db;
    }

    public HamgamDb CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<HamgamDb>();
        HamgamDbSetup.Configure(builder, Provider, ConnectionString);
        builder.AddInterceptors(new AuditInterceptor(TimeProvider.System), Writes);
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
                // Left for the OS to clean.
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_postgresAdmin!, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Counts INSERT/UPDATE/DELETE commands, by table, so a scenario can say how many writes it caused.</summary>
internal sealed class WriteCounter : DbCommandInterceptor
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byTable = new(StringComparer.Ordinal);
    private long _commandTicks;

    /// <summary>Time spent executing commands (reads and writes), as EF Core measures it.</summary>
    public TimeSpan CommandTime => TimeSpan.FromTicks(Interlocked.Read(ref _commandTicks));

    public IReadOnlyDictionary<string, int> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_byTable, StringComparer.Ordinal);
        }
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Count(command.CommandText, eventData.Duration);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(command.CommandText, eventData.Duration);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public static IReadOnlyDictionary<string, int> Difference(IReadOnlyDictionary<string, int> after, IReadOnlyDictionary<string, int> before) =>
        after.Select(kv => (kv.Key, Value: kv.Value - before.GetValueOrDefault(kv.Key))).Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Count(command.CommandText, eventData.Duration);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Count(string sql, TimeSpan duration)
    {
        Interlocked.Add(ref _commandTicks, duration.Ticks);
        // A batch may hold several statements; each INSERT/UPDATE/DELETE counts once, keyed by its table.
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var table = WrittenTable(statement);
            if (table is not null)
            {
                lock (_gate)
                {
                    _byTable[table] = _byTable.GetValueOrDefault(table) + 1;
                }
            }
        }
    }

    private static string? WrittenTable(string statement)
    {
        var words = statement.Split([' ', '\n', '\r', '\t'], 4, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
        {
            return null;
        }

        var verb = words[0].ToUpperInvariant();
        var table = verb switch
        {
            "INSERT" or "DELETE" => words[2],
            "UPDATE" => words[1],
            _ => null,
        };
        return table?.Trim('"', '`', '[', ']');
    }
}
