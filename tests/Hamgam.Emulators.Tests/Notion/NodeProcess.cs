using System.Diagnostics;
using Hamgam.Testing;

namespace Hamgam.Emulators.Tests.Notion;

/// <summary>Runs node and npm for the SDK conformance scenario; installs the locked packages on first use.</summary>
internal static class NodeProcess
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string NotionFolder => Path.Combine(TestEnvironment.RepoRoot, "tests", "Hamgam.Emulators.Tests", "node", "notion");

    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(NotionFolder, "node_modules", "@notionhq", "client")))
            {
                return;
            }
            var (exit, output, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
            if (exit != 0)
            {
                throw new InvalidOperationException($"npm ci failed ({exit}):\n{output}\n{error}");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = NotionFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}. Output so far: {await error}");
        }
        return (process.ExitCode, await output, await error);
    }
}
