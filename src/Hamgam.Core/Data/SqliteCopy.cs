using Microsoft.Data.Sqlite;

namespace Hamgam.Core.Data;

/// <summary>SQLite's online backup: a consistent copy of a live database (WAL included) while others keep writing.</summary>
public static class SqliteCopy
{
    public static async Task BackupAsync(string sourceFile, string targetFile, CancellationToken cancellationToken = default)
    {
        var partial = targetFile + ".partial";
        File.Delete(partial);
        await using (var source = new SqliteConnection(Open(sourceFile, SqliteOpenMode.ReadOnly)))
        await using (var target = new SqliteConnection(Open(partial, SqliteOpenMode.ReadWriteCreate)))
        {
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }

        // Whole or nothing: a reader never sees a half-written copy under the final name.
        File.Move(partial, targetFile, overwrite: true);
    }

    /// <summary>
    /// Copies <paramref name="sourceFile"/> into the database at <paramref name="liveFile"/> through the backup API, page
    /// by page under SQLite's locks: its WAL stays coherent and an open connection sees the new contents, where replacing
    /// the file would leave a stale <c>-wal</c> beside it.
    /// </summary>
    public static async Task CopyIntoAsync(string sourceFile, string liveFile, CancellationToken cancellationToken = default)
    {
        await using var source = new SqliteConnection(Open(sourceFile, SqliteOpenMode.ReadOnly));
        await using var target = new SqliteConnection(Open(liveFile, SqliteOpenMode.ReadWriteCreate));
        await source.OpenAsync(cancellationToken);
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
    }

    private static string Open(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();
}
