using Hamgam.Core.Sync.Pull;
using Hamgam.Web.Features.Sync;

namespace Hamgam.Web.Infrastructure.Demo;

/// <summary>
/// In demo mode, starts the emulators and runs one sync (a full pull, then a push of what is pending) before the dashboard
/// serves, so the first page already shows the sample workspace. Bounded to a minute; a failure is logged, never fatal.
/// </summary>
internal sealed partial class DemoStartup(DemoWorkspace demo, SyncRunner runner, IConfiguration configuration, ILogger<DemoStartup> logger) : IHostedService
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.IsActive)
        {
            if (DemoWorkspace.IsRequested(configuration))
            {
                LogOffBeyondLoopback(logger);
            }

            return;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Limit);
        try
        {
            var running = demo.Endpoints;
            LogStarted(logger, running.Notion.BaseUrl, running.Sheets.BaseUrl, demo.Folder);
            var result = await runner.SyncAsync(new PullRequest(Full: true, Trigger: "demo"), bounded.Token);
            if (result is { } done)
            {
                LogSynced(logger, done.Pull.Problems.Count);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning,
        Message = "Demo mode: no Notion token is configured, so Hamgam runs with emulated Notion ({Notion}) and Google Sheets ({Sheets}); their state is in {Folder}.")]
    private static partial void LogStarted(ILogger logger, Uri notion, Uri sheets, string folder);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Demo mode: first sync done ({Problems} problem(s)).")]
    private static partial void LogSynced(ILogger logger, int problems);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning,
        Message = "Demo mode is off because Hamgam listens beyond this machine (the demo lets visitors in without the key). Set Notion__Token to use your workspace.")]
    private static partial void LogOffBeyondLoopback(ILogger logger);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Demo mode: the first sync failed ({Error}: {Message}); the dashboard starts anyway.")]
    private static partial void LogFailed(ILogger logger, string error, string message);
}
