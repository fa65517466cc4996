using System.Threading.Channels;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Live;
using Hamgam.Core.Sync.Push;
using Hamgam.Web.Features.Sync;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Live;

/// <summary>
/// Push on save: a committed local change that queued outbox entries wakes a push through the coordinator. A short
/// debounce lets a burst coalesce into one request per page; saves made while a push runs wake the next one. Entries
/// that fail wait out their backoff in the outbox (<c>PushPlan</c>), so saving again to a failing page cannot hammer Notion.
/// </summary>
public sealed partial class PushOnSave(ChangeFeed feed, SyncRunner runner, IOptions<LiveOptions> options, TimeProvider time, ILogger<PushOnSave> logger)
    : BackgroundService
{
    private static readonly TimeSpan ContendedRetry = TimeSpan.FromSeconds(1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PushOnSave || !runner.NotionConfigured)
        {
            LogOff(logger, options.Value.PushOnSave, runner.NotionConfigured);
            return;
        }

        feed.Changed += OnChanged;
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                await DebounceAsync(stoppingToken);
                LogPushing(logger);
                await PushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is pending stays in the outbox for the next start or the schedule.
        }
        finally
        {
            feed.Changed -= OnChanged;
        }
    }

    private void OnChanged(LiveChange change)
    {
        // Another instance's saves are pushed by that instance.
        if (change is { OutboxQueued: true, FromOtherInstance: false })
        {
            _wake.Writer.TryWrite(true);
        }
    }

    /// <summary>Waits until saves have been quiet for the debounce, or the first one has waited the longest allowed.</summary>
    private async Task DebounceAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.MaxDelay;
        while (true)
        {
            var wait = Min(options.Value.Debounce, deadline - time.GetUtcNow());
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            var quiet = Task.Delay(wait, time, cancellationToken);
            if (await Task.WhenAny(quiet, _wake.Reader.WaitToReadAsync(cancellationToken).AsTask()) == quiet)
            {
                await quiet;
                return;
            }

            _wake.Reader.TryRead(out _);
        }
    }

    private async Task PushAsync(CancellationToken cancellationToken)
    {
        try
        {
            var report = await runner.PushAsync(new PushRequest(Trigger: RunTriggers.Save), cancellationToken, wait: true);
            if (report is { Contended: > 0 })
            {
                // Another pusher held some records; look again shortly, once it has let go.
                await Task.Delay(ContendedRetry, time, cancellationToken);
                _wake.Writer.TryWrite(true);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The run log holds the failure; the entries stay pending for the next save or the schedule.
            LogPushFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Push on save is off (enabled {Enabled}, Notion configured {Configured}).")]
    private static partial void LogOff(ILogger logger, bool enabled, bool configured);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Debug, Message = "Push on save: pushing.")]
    private static partial void LogPushing(ILogger logger);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Push on save failed ({Error}); the changes stay queued. See the sync log.")]
    private static partial void LogPushFailed(ILogger logger, string error);
}
