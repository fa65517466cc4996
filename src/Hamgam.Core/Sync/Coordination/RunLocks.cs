using System.Collections.Concurrent;
using Hamgam.Core.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hamgam.Core.Sync.Coordination;

/// <summary>The kinds of work that never run twice at once: a Notion pull or push, a backup, a recurring run.</summary>
public enum RunLane
{
    /// <summary>Pulls and pushes: one at a time, so a pull never merges against a half-recorded push.</summary>
    Notion,

    /// <summary>Backups and restores from the backup: a restore never reads a sheet a backup is rewriting.</summary>
    Backup,
    Recurring,
}

/// <summary>
/// "One run of a kind at a time", in this process and across every process on the same database. In-process it is a
/// semaphore per lane. On PostgreSQL, where several instances (and the CLI) may share the database, it is also a
/// session-level advisory lock, which the server drops by itself when a crashed process's connection goes.
/// On SQLite one server owns the file; a CLI verb beside it is kept apart by the outbox claims instead (<c>OutboxClaims</c>).
/// </summary>
public sealed class RunLocks(IOptions<DatabaseOptions> database) : IDisposable
{
    // Advisory lock keys: fixed numbers in a range no other Hamgam code uses ("hmgm" followed by the lane).
    private const long KeyBase = 0x686d_676d_0000;
    private readonly ConcurrentDictionary<RunLane, SemaphoreSlim> _local = new();

    /// <summary>The lock, or null at once when a run of the lane holds it here or in another process.</summary>
    public Task<IAsyncDisposable?> TryAcquireAsync(RunLane lane, CancellationToken cancellationToken = default) =>
        AcquireAsync(lane, wait: false, cancellationToken);

    /// <summary>The lock, once the run holding it (here or in another process) has let go.</summary>
    public async Task<IAsyncDisposable> WaitAsync(RunLane lane, CancellationToken cancellationToken = default) =>
        (await AcquireAsync(lane, wait: true, cancellationToken))!;

    public void Dispose()
    {
        foreach (var semaphore in _local.Values)
        {
            semaphore.Dispose();
        }
    }

    private async Task<IAsyncDisposable?> AcquireAsync(RunLane lane, bool wait, CancellationToken cancellationToken)
    {
        var local = _local.GetOrAdd(lane, _ => new SemaphoreSlim(1, 1));
        if (!await local.WaitAsync(wait ? Timeout.Infinite : 0, cancellationToken))
        {
            return null;
        }

        try
        {
            var options = database.Value;
            if (options.ProviderKind != DatabaseProvider.Postgres)
            {
                return new Held(local, null, 0);
            }

            var key = KeyBase + (long)lane;
            var connection = await OpenAsync(options.ResolveConnectionString(), cancellationToken);
            if (await TakeAsync(connection, key, wait, cancellationToken))
            {
                return new Held(local, connection, key);
            }

            await connection.DisposeAsync();
            local.Release();
            return null;
        }
        catch
        {
            local.Release();
            throw;
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Unpooled: closing the connection ends the session, so a lock can never outlive its holder in a pool.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "hamgam-run-lock" };
        var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<bool> TakeAsync(NpgsqlConnection connection, long key, bool wait, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(wait ? "SELECT pg_advisory_lock(@key), true" : "SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        try
        {
            return wait
                ? await ReadLastBoolAsync(command, cancellationToken)
                : (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> ReadLastBoolAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && reader.GetBoolean(1);
    }

    private sealed class Held(SemaphoreSlim local, NpgsqlConnection? connection, long key) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            try
            {
                if (connection is not null)
                {
                    await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                    unlock.Parameters.AddWithValue("key", key);
                    await unlock.ExecuteNonQueryAsync(CancellationToken.None);
                }
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                local.Release();
            }
        }
    }
}
