using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Pull;
using Hamgam.Web.Features.Sync;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Live;

/// <summary>
/// Adaptive polling: while Hamgam is in use (<see cref="UsageTracker"/>), an incremental sync every
/// <see cref="LiveOptions.ActivePollInterval"/> (30 s by default); otherwise only the <c>Sync:PullCron</c> schedule runs.
/// A poll that finds nothing costs one query per data source and writes nothing (its run is quiet, see
/// <see cref="RunTriggers.IsQuiet"/>). A tick while another sync runs, here or on another instance, is skipped.
/// </summary>
public sealed partial class LivePoller(SyncRunner runner, UsageTracker usage, IOptions<LiveOptions> options, TimeProvider time, ILogger<LivePoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ActivePollInterval;
        if (interval <= TimeSpan.Zero || !runner.NotionConfigured)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (usage.InUse)
                {
                    await PollAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            await runner.SyncAsync(new PullRequest(Trigger: RunTriggers.Live), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPollFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 3221, Level = LogLevel.Warning, Message = "A live poll failed ({Error}); the next tick tries again. See the sync log.")]
    private static partial void LogPollFailed(ILogger logger, string error);
}
