using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Data;

/// <summary>Where a database's schema stands against the migrations this build carries.</summary>
/// <param name="Applied">Migrations recorded in the database.</param>
/// <param name="Pending">Migrations of this build not yet applied: the database comes from an older version.</param>
/// <param name="Unknown">Applied migrations this build does not know: the database comes from a newer version.</param>
public sealed record SchemaState(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    public bool IsNew => Applied.Count == 0;
}

/// <summary>The database's schema is not this build's and Hamgam will not change it by itself: the message says what to do.</summary>
public abstract class DatabaseVersionException(string message) : InvalidOperationException(message);

/// <summary>A database written by a newer Hamgam: this build must not touch it.</summary>
public sealed class DatabaseTooNewException(IReadOnlyList<string> unknown) : DatabaseVersionException(
    $"This database was upgraded by a newer version of Hamgam (it has {unknown.Count} migration(s) this version does not know: " +
    $"{string.Join(", ", unknown)}). Run that newer version, or restore a backup made before the upgrade (`hamgam db restore FILE`).")
{
    public IReadOnlyList<string> Unknown { get; } = unknown;
}

/// <summary>A PostgreSQL database from an older Hamgam: its schema changes only through <c>hamgam migrate</c>.</summary>
public sealed class MigrationsPendingException(IReadOnlyList<string> pending) : DatabaseVersionException(
    $"The PostgreSQL database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}). " +
    "Run `hamgam migrate` first (`hamgam db backup FILE` before it keeps a way back).")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}

/// <summary>
/// Brings a database to this build's schema, working off the migrations list (never a count). A newer database is
/// refused. An older SQLite file is copied (online backup) next to itself before it is migrated, so an upgrade can be undone.
/// PostgreSQL is migrated only when asked (the <c>migrate</c> verb), since it is shared infrastructure.
/// </summary>
public static class SchemaUpgrade
{
    /// <summary>The folder, beside the SQLite file, that keeps the copies made before each upgrade.</summary>
    public const string BackupFolder = "backups";

    public static async Task<SchemaState> ReadAsync(HamgamDb db, CancellationToken cancellationToken = default)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        return new SchemaState(applied, known.Except(applied, StringComparer.Ordinal).ToList(), applied.Except(known, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Refuses a newer database, then applies pending migrations (SQLite always; PostgreSQL when
    /// <paramref name="migratePostgres"/>), or throws with the advice to run <c>hamgam migrate</c>.
    /// </summary>
    /// <returns>The state before the upgrade, and the copy kept of an upgraded SQLite file (or null).</returns>
    public static async Task<(SchemaState Before, string? Copy)> PrepareAsync(HamgamDb db, bool migratePostgres, CancellationToken cancellationToken = default)
    {
        var state = await ReadAsync(db, cancellationToken);
        if (state.Unknown.Count > 0)
        {
            throw new DatabaseTooNewException(state.Unknown);
        }

        if (!db.Database.IsSqlite() && !migratePostgres)
        {
            if (state.Pending.Count > 0)
            {
                throw new MigrationsPendingException(state.Pending);
            }

            return (state, null);
        }

        string? copy = null;
        if (db.Database.IsSqlite() && !state.IsNew && state.Pending.Count > 0)
        {
            copy = await KeepSqliteCopyAsync(db, state, cancellationToken);
        }

        await HamgamDbSetup.MigrateAsync(db, cancellationToken);
        return (state, copy);
    }

    /// <summary>
    /// <c>backups/hamgam-before-&lt;first pending migration&gt;.db</c>: named after the upgrade, so a retried upgrade keeps
    /// the first (untouched) copy rather than overwriting it with a half-migrated one.
    /// </summary>
    private static async Task<string> KeepSqliteCopyAsync(HamgamDb db, SchemaState state, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        var folder = Path.Combine(Path.GetDirectoryName(file)!, BackupFolder);
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file)}-before-{state.Pending[0]}.db");
        if (!File.Exists(copy))
        {
            await SqliteCopy.BackupAsync(file, copy, cancellationToken);
        }

        return copy;
    }
}
