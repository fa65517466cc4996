using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Hamgam.Bench;

/// <summary>
/// The bench's side of <see cref="NotionHost"/>: starts this same program as a child process running the Notion
/// emulator and drives it over stdin/stdout. The child is ended when this is disposed.
/// </summary>
internal sealed class NotionChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private NotionChild(Process process, NotionHostReady ready)
    {
        _process = process;
        Ready = ready;
    }

    public NotionHostReady Ready { get; }

    public int ProcessId => _process.Id;

    public static async Task<NotionChild> StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(NotionHost).Assembly.Location);
        start.ArgumentList.Add(NotionHost.Verb);
        // The child's own GC settings do not matter to the figures; workstation GC keeps it small on a 2-core machine.
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Notion emulator process.");
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith(NotionHost.ReadyPrefix, StringComparison.Ordinal))
                {
                    var ready = JsonSerializer.Deserialize<NotionHostReady>(line[NotionHost.ReadyPrefix.Length..])!;
                    return new NotionChild(process, ready);
                }
            }

            throw new InvalidOperationException("The Notion emulator process ended before it was ready.");
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    public Task SeedTasksAsync(int count, TimeSpan endAgo, CancellationToken cancellationToken) =>
        SendAsync(string.Create(CultureInfo.InvariantCulture, $"seed {count} {endAgo.TotalSeconds}"), cancellationToken);

    public Task SetNetworkAsync(bool realistic, CancellationToken cancellationToken) =>
        SendAsync(realistic ? "network realistic" : "network off", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
        _gate.Dispose();
    }

    private async Task SendAsync(string command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _process.StandardInput.WriteLineAsync(command.AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
            var answer = await _process.StandardOutput.ReadLineAsync(cancellationToken);
            if (answer != NotionHost.Ok)
            {
                throw new InvalidOperationException($"The Notion emulator process answered '{answer}' to '{command}'.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
