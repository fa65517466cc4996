using System.Text.RegularExpressions;
using Hamgam.Web.Cli;

namespace Hamgam.IntegrationTests.Cli;

[Collection(CliCollection.Name)]
public sealed partial class EmulateVerbTests
{
    [Fact]
    public async Task Emulate_PrintsEnvironmentThatStatusAndBackupCanUse_AndKeepsItsStateInTheDataFile()
    {
        var folder = Directory.CreateTempSubdirectory("hamgam-emulate-test-").FullName;
        var dataFile = Path.Combine(folder, "workspace.json");
        try
        {
            var first = await RunEmulatorAsync(dataFile, async settings =>
            {
                var (statusExit, status) = await CliHarness.RunCliAsync(["status", .. settings, $"--Database:DataDirectory={folder}"]);
                Assert.True(statusExit == HamgamCli.Ok, status);
                Assert.Equal(4, Regex.Count(status, ": reachable"));
                var (backupExit, backup) = await CliHarness.RunCliAsync(["backup", .. settings, $"--Database:DataDirectory={folder}"]);
                Assert.True(backupExit == HamgamCli.Ok, backup);
            });
            var second = await RunEmulatorAsync(dataFile, _ => Task.CompletedTask);

            Assert.True(File.Exists(dataFile));
            Assert.True(File.Exists(Path.Combine(folder, "workspace.sheets.json")));
            Assert.Equal(Setting(first, "Notion__Databases__Tasks"), Setting(second, "Notion__Databases__Tasks"));
            Assert.Equal(Setting(first, "Sheets__SpreadsheetId"), Setting(second, "Sheets__SpreadsheetId"));
            Assert.Contains("Stopping the emulators.", second, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts <c>emulate</c> on free ports, hands the printed settings to <paramref name="use"/>, then stops it as Ctrl+C would.</summary>
    private static async Task<string> RunEmulatorAsync(string dataFile, Func<string[], Task> use)
    {
        using var stop = new CancellationTokenSource();
        using var capture = new ConsoleCapture();
        var run = HamgamCli.RunAsync(["emulate", "--notion-port", "0", "--sheets-port", "0", "--data", dataFile], stop.Token);
        await capture.WaitForAsync(EmulateVerb.ReadyLine).WaitAsync(TimeSpan.FromSeconds(60));
        var settings = ExportLine().Matches(capture.Text).Select(m => $"--{m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal)}={m.Groups[2].Value}").ToArray();
        Assert.Equal(9, settings.Length);
        await use(settings);
        await stop.CancelAsync();
        Assert.Equal(HamgamCli.Ok, await run.WaitAsync(TimeSpan.FromSeconds(60)));
        return capture.Text;
    }

    private static string Setting(string output, string name) =>
        ExportLine().Matches(output).Single(m => m.Groups[1].Value == name).Groups[2].Value;

    [GeneratedRegex("^export ([A-Za-z_]+)='([^']*)'", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
