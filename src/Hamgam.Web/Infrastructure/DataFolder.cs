namespace Hamgam.Web.Infrastructure;

/// <summary>
/// The data folder holds personal data, the key file and the data-protection keys: on Unix only the owner may read
/// it (folders 0700, files 0600). SQLite gives its -wal and -shm files the database file's mode, so they follow.
/// </summary>
public static class DataFolder
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder if needed and takes every permission from group and others, recursively.</summary>
    public static void Restrict(string folder)
    {
        Directory.CreateDirectory(folder);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(folder, OwnerOnlyFolder);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is null)
            {
                entry.UnixFileMode = entry is DirectoryInfo ? OwnerOnlyFolder : OwnerOnlyFile;
            }
        }
    }

    /// <summary>Writes a file that only the owner can read, created with that mode (never readable in between).</summary>
    public static async Task WriteSecretAsync(string path, string contents, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, OwnerOnlyFolder);
            options.UnixCreateMode = OwnerOnlyFile;
        }

        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(contents.AsMemory(), cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to a new file; an existing one keeps its mode unless set again.
            File.SetUnixFileMode(path, OwnerOnlyFile);
        }
    }
}
