using System.Diagnostics;
using System.Text;
using Hamgam.IntegrationTests.Jobs;

namespace Hamgam.IntegrationTests.Faults;

/// <summary>
/// One CLI verb in its own process (<c>dotnet hamgam.dll sync --push …</c>, the build's output, no rebuild), its
/// configuration in environment variables, its output kept; <see cref="Kill"/> is SIGKILL, from any thread.
/// </summary>
internal sealed class VerbProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private int _killed;

    private VerbProcess(Process process) => _process = process;

    /// <summary>True once <see cref="Kill"/> reached a process that was still running.</summary>
    public bool Killed => Volatile.Read(ref _killed) == 1;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static VerbProcess Start(IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var folder = HamgamProcess.AppFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "hamgam.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var verb = new VerbProcess(new Process { StartInfo = start });
        verb._process.OutputDataReceived += (_, e) => verb.Append(e.Data);
        verb._process.ErrorDataReceived += (_, e) => verb.Append(e.Data);
        verb._process.Start();
        verb._process.BeginOutputReadLine();
        verb._process.BeginErrorReadLine();
        return verb;
    }

    /// <summary>SIGKILL (no shutdown code runs); false if the process had already exited.</summary>
    public bool Kill()
    {
        try
        {
            if (_process.HasExited)
            {
                return false;
            }

            _process.Kill(entireProcessTree: true);
            Interlocked.Exchange(ref _killed, 1);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Waits for the exit and returns its code; kills the process and throws if it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The verb did not finish within {timeout}:\n{Output}");
        }

        // The redirected streams are drained once the exit has been observed without a timeout.
        await _process.WaitForExitAsync(CancellationToken.None);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
