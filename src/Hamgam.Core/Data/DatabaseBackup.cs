using Microsoft.Data.Sqlite;

namespace Hamgam.Core.Data;

/// <summary>A file that is not a Hamgam database (or not one for this provider): restore refuses it untouched.</summary>
public sealed class NotAHamgamBackupException(string message) : InvalidOperationException(message);

/// <summary>
/// A local copy of Hamgam's own database. SQLite: the online backup API, so the server may keep running; the copy is
/// itself a Hamgam database file. PostgreSQL: <c>pg_dump --format=custom</c> and <c>pg_restore --clean</c> (the
/// PostgreSQL client tools must be on PATH; the password goes to them through <c>PGPASSWORD</c>, never the command line).
/// </summary>
public static class DatabaseBackup
{
    public static async Task BackupAsync(DatabaseProvider provider, string connectionString, string file, CancellationToken cancellationToken = default)
    {
        file = Path.GetFullPath(file);
        if (provider == DatabaseProvider.Sqlite)
        {
            await SqliteCopy.BackupAsync(SqliteFile(connectionString), file, cancellationToken);
            return;
        }

        var partial = file + ".partial";
        await PgTools.RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], cancellationToken);
        File.Move(partial, file, overwrite: true);
    }

    /// <summary>Replaces the database's contents with the backup's, after checking the file is a Hamgam backup.</summary>
    /// <param name="knownMigrations">This build's migrations: a SQLite backup from a newer Hamgam is refused.</param>
    /// <returns>For SQLite, the copy kept of the database as it was before the restore.</returns>
    public static async Task<string?> RestoreAsync(
        DatabaseProvider provider, string connectionString, string file, IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken = default)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            throw new NotAHamgamBackupException($"{file} does not exist.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            return await RestoreSqliteAsync(connectionString, file, knownMigrations, cancellationToken);
        }

        var listing = await PgTools.ListAsync(file, cancellationToken);
        if (!listing.Contains("TABLE public __EFMigrationsHistory", StringComparison.Ordinal) || !listing.Contains("TABLE public tasks", StringComparison.Ordinal))
        {
            throw new NotAHamgamBackupException($"{file} is a PostgreSQL dump, but not of a Hamgam database.");
        }

        await PgTools.RunAsync("pg_restore", connectionString, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", file], cancellationToken);
        return null;
    }

    private static async Task<string> RestoreSqliteAsync(string connectionString, string file, IReadOnlyCollection<string> known, CancellationToken cancellationToken)
    {
        var migrations = await ReadSqliteMigrationsAsync(file, cancellationToken);
        if (migrations is null || migrations.Count == 0)
        {
            throw new NotAHamgamBackupException($"{file} is not a Hamgam SQLite database (no Hamgam migrations history in it).");
        }

        if (migrations.Except(known, StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
        {
            throw new DatabaseTooNewException(unknown);
        }

        var target = SqliteFile(connectionString);
        var keep = Path.Combine(Path.GetDirectoryName(target)!, SchemaUpgrade.BackupFolder, $"{Path.GetFileNameWithoutExtension(target)}-before-restore-{TimeProvider.System.GetUtcNow():yyyyMMdd'-'HHmmss}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(keep)!);
        if (File.Exists(target))
        {
            await SqliteCopy.BackupAsync(target, keep, cancellationToken);
        }

        // The online backup API writes into the live file, so a running server sees the restored data, never a torn file.
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await SqliteCopy.CopyIntoAsync(file, target, cancellationToken);
        return keep;
    }

    /// <summary>The migration ids recorded in a SQLite file, or null when it is not a SQLite database with that table.</summary>
    public static async Task<IReadOnlyList<string>?> ReadSqliteMigrationsAsync(string file, CancellationToken cancellationToken = default)
    {
        var header = new byte[16];
        await using (var stream = File.OpenRead(file))
        {
            if (await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken) < header.Length
                || !header.AsSpan().SequenceEqual("SQLite format 3\0"u8))
            {
                return null;
            }
        }

        var cs = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type='table' AND name IN ('__EFMigrationsHistory', 'tasks')";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count < 2)
        {
            return null;
        }

        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
        var ids = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        return ids;
    }

    private static string SqliteFile(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
}
