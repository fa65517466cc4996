using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Hamgam.BrowserTests.Audit;

/// <summary>axe-core from npm (the locked package in node/axe, installed on first use), injected into a page to audit it.</summary>
public static class Axe
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static string? _script;

    public static string Folder => Path.Combine(RepositoryRoot(), "tests", "Hamgam.BrowserTests", "node", "axe");

    /// <summary>The serious and critical violations on the page, one line each (rule, impact, the first few targets).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol rather than as an inline <script>, which the app's CSP (rightly) blocks.
        await page.EvaluateAsync(await ScriptAsync());
        var json = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.html.slice(0, 100) + ' ' + (n.any[0]?.message ?? '').slice(0, 110)).join(' | ')}`);
            }
            """);
        return [.. json.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static async Task<string> ScriptAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_script is not null)
            {
                return _script;
            }

            var file = Path.Combine(Folder, "node_modules", "axe-core", "axe.min.js");
            if (!File.Exists(file))
            {
                await NpmCiAsync();
            }

            return _script = await File.ReadAllTextAsync(file);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task NpmCiAsync()
    {
        var info = new ProcessStartInfo("npm") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start npm.");
        var error = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed ({process.ExitCode}): {await error}");
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Hamgam.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Hamgam.slnx not found above " + AppContext.BaseDirectory);
    }
}
