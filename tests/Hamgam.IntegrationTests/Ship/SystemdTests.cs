using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.IntegrationTests.Jobs;
using Hamgam.Web.Cli;
using Hamgam.Web.Infrastructure;

namespace Hamgam.IntegrationTests.Ship;

/// <summary>How Hamgam behaves as an installed service: the environment systemd gives it, and the version it reports.</summary>
[Collection(Cli.CliCollection.Name)]
public sealed class SystemdTests
{
    [Fact]
    public async Task UnderSystemd_DataGoesToTheStateDirectory_AndEachLogEventIsOneJournalLine()
    {
        var state = Directory.CreateTempSubdirectory("hamgam-state-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Database__DataDirectory"] = "",
                ["STATE_DIRECTORY"] = state,
                ["JOURNAL_STREAM"] = "8:12345",
            };

            await using (var app = await HamgamProcess.StartAsync(environment, TimeSpan.FromSeconds(120)))
            {
                Assert.True(File.Exists(Path.Combine(state, "hamgam.db")), app.Output);
                var lines = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.Contains(lines, l => l.StartsWith("<6>Microsoft.Hosting.Lifetime[14] Now listening on: http://127.0.0.1:", StringComparison.Ordinal));
                // The systemd formatter: every line carries its syslog priority; no ANSI colour codes, no indented continuation lines.
                Assert.All(lines, l => Assert.Matches(@"^<[0-7]>\S", l));
                Assert.DoesNotContain('\u001b', app.Output);
            }
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task Version_IsTheReleaseAndTheCommit()
    {
        var (exit, output) = await CliHarnessVersion();

        Assert.Equal(HamgamCli.Ok, exit);
        Assert.Equal($"hamgam {HamgamVersion.Current}", output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", HamgamVersion.Current);
        var changelog = await File.ReadAllTextAsync(Path.Combine(Testing.TestEnvironment.RepoRoot, "CHANGELOG.md"));
        Assert.Contains($"## {HamgamVersion.Current.Split('+')[0]}", changelog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_ShowsTheVersion()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();

        var html = await client.GetStringAsync("/settings");

        Assert.Contains(HamgamVersion.Current, html, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output)> CliHarnessVersion() => Cli.CliHarness.RunCliAsync(["--version"]);
}
