using System.Diagnostics;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Sheets;
using Hamgam.Testing;

namespace Hamgam.Emulators.Tests.Sheets;

/// <summary>Installs the official googleapis npm package once (npm ci, from the committed lock file) for the Node scenario.</summary>
public sealed class GoogleApisNodeFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(TestEnvironment.RepoRoot, "tests", "Hamgam.Emulators.Tests", "node", "sheets");

    public async Task InitializeAsync()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "googleapis")))
        {
            var (code, output) = await NodeProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Folder, []);
            Assert.True(code == 0, "npm ci failed:\n" + output);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public static class NodeProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string workingDirectory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

public sealed class GoogleApisNodeTests(GoogleApisNodeFixture node) : IClassFixture<GoogleApisNodeFixture>
{
    [Fact]
    public void PackageLock_NamesNoRegistryHost() =>
        Assert.DoesNotContain("\"resolved\"", File.ReadAllText(Path.Combine(node.Folder, "package-lock.json")), StringComparison.Ordinal);

    [Fact]
    public async Task GoogleApisScenario_AgainstEmulator_AddsWritesReadsClearsAndGets400And429()
    {
        await using var emulator = await SheetsEmulator.StartAsync(new SheetsEmulatorOptions { ReadsPerMinute = 10 });
        var id = emulator.Spreadsheets.CreateSpreadsheet(title: "googleapis");
        var keyFile = Path.Combine(Path.GetTempPath(), $"sheets-key-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(keyFile, emulator.CreateServiceAccountKeyJson());
        try
        {
            var (code, output) = await NodeProcess.RunAsync("node", ["scenario.mjs"], node.Folder, new()
            {
                ["SHEETS_ROOT_URL"] = emulator.BaseUrl.ToString(),
                ["SHEETS_KEY_FILE"] = keyFile,
                ["SHEETS_SPREADSHEET_ID"] = id,
            });

            Assert.True(code == 0, output);
            var seen = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
            Assert.Equal("گزارش روزانه", (string?)seen["addedTitle"]);
            Assert.Equal("'گزارش روزانه'!A1:B2", (string?)seen["updatedRange"]);
            Assert.Equal(4, (int)seen["updatedCells"]!);
            Assert.Equal("'گزارش روزانه'!A1:E20", (string?)seen["readRange"]);
            Assert.Equal("""[["تاریخ","یادداشت"],["1404-01-01","=HYPERLINK(\"x\")"]]""", seen["readValues"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            Assert.Equal("'گزارش روزانه'!A2:B2", (string?)seen["clearedRange"]);
            Assert.False((bool)seen["afterClearHasValues"]!);
            Assert.Equal(400, (int)seen["badRange"]!["status"]!);
            Assert.Equal("Unable to parse range: NoSuchTab!A1", (string?)seen["badRange"]!["message"]);
            Assert.Equal(429, (int)seen["quota"]!["status"]!);
            Assert.Equal("RESOURCE_EXHAUSTED", (string?)seen["quota"]!["googleStatus"]);
            Assert.Equal("ReadRequestsPerMinutePerUser", (string?)seen["quota"]!["limit"]);
            Assert.Equal(10 - 3, (int)seen["quota"]!["afterReads"]!);
            Assert.Equal([["تاریخ", "یادداشت"]], emulator.Spreadsheets.ReadCells(id, "گزارش روزانه"));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
