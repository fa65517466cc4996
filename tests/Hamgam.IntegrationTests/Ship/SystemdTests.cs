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
                // The systemd formatter: each event one line with its syslog priority; no "info:" header line with an
                // indented message under it, no ANSI colour codes. (The first-start API key notice is printed, not logged.)
                Assert.True(lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^<[0-7]>\S+\[\d+\] \S")) >= 3, app.Output);
                Assert.DoesNotContain(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^(info|warn|fail|crit|dbug|trce): "));
                Assert.DoesNotContain(app.Output.Split('\n'), l => l.StartsWith("      ", StringComparison.Ordinal));
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
        using var client = app.CreateClient(new() { HandleCookies = true });
        var page = await client.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"(?<n>[^\"]+)\" value=\"(?<v>[^\"]+)\"");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["n"].Value] = System.Net.WebUtility.HtmlDecode(token.Groups["v"].Value),
            ["apiKey"] = HamgamAppFactory.ApiKey,
        });
        (await client.PostAsync("/signin", form)).Dispose();

        var html = await client.GetStringAsync("/settings");

        Assert.Contains($"همگام {HamgamVersion.Current}", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output)> CliHarnessVersion() => Cli.CliHarness.RunCliAsync(["--version"]);
}
