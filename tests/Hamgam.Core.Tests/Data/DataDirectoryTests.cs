using Hamgam.Core.Data;

namespace Hamgam.Core.Tests.Data;

public sealed class DataDirectoryTests
{
    [Fact]
    public void DefaultDataDirectory_UnderSystemd_IsTheStateDirectory()
    {
        Assert.Equal("/var/lib/hamgam", DatabaseOptions.DefaultDataDirectory("/var/lib/hamgam"));
        // systemd lists every StateDirectory= entry, colon-separated; the first is Hamgam's.
        Assert.Equal("/var/lib/hamgam", DatabaseOptions.DefaultDataDirectory("/var/lib/hamgam:/var/lib/other"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void DefaultDataDirectory_WithoutSystemd_IsTheUsersDataFolder(string? stateDirectory)
    {
        var expected = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "hamgam");

        Assert.Equal(expected, DatabaseOptions.DefaultDataDirectory(stateDirectory));
    }

    [Fact]
    public void ConfiguredDataDirectory_WinsOverTheStateDirectory()
    {
        var options = new DatabaseOptions { DataDirectory = "/srv/hamgam-data" };

        Assert.Equal("/srv/hamgam-data", options.ResolveDataDirectory());
    }
}
