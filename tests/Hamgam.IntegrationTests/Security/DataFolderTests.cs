using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Web.Infrastructure;

namespace Hamgam.IntegrationTests.Security;

/// <summary>Issue 17 row 9: on Unix the data folder is the owner's alone.</summary>
public sealed class DataFolderTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task Startup_MakesTheDataFolderAndItsFilesOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var app = new HamgamAppFactory();
        File.SetUnixFileMode(app.DataDirectory, Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        app.Settings["Auth:ApiKey"] = "";
        using var client = app.CreateAuthorizedClient();
        await client.GetAsync("/healthz");

        Assert.Equal(Folder, File.GetUnixFileMode(app.DataDirectory));
        Assert.Equal(Folder, File.GetUnixFileMode(Path.Combine(app.DataDirectory, "keys")));
        var files = Directory.GetFiles(app.DataDirectory);
        Assert.Contains(files, f => f.EndsWith("hamgam.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("api-key.txt", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.Equal(File600, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task WriteSecret_OverAWorldReadableFile_LeavesIt0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("hamgam-secret-").FullName;
        var file = Path.Combine(folder, "key.json");
        await File.WriteAllTextAsync(file, "old");
        File.SetUnixFileMode(file, File600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await DataFolder.WriteSecretAsync(file, "{}", CancellationToken.None);

        Assert.Equal(File600, File.GetUnixFileMode(file));
        Assert.Equal("{}", await File.ReadAllTextAsync(file));
        Directory.Delete(folder, recursive: true);
    }
}
