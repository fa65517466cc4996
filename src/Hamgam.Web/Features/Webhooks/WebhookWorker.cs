using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Features.Webhooks;

/// <summary>
/// Does the work webhooks ask for, one item at a time: a flood of events holds at most one request in the Notion
/// limiter, at the pull's priority, so it can never get ahead of pushes. Failures are logged (ids only) and dropped;
/// the next poll catches up.
/// </summary>
public sealed partial class WebhookWorker(WebhookInbox inbox, IServiceScopeFactory scopes, ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            WebhookWork work;
            try
            {
                work = await inbox.TakeAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await DoAsync(work, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A boundary: one failed page must not stop the worker.
                LogFailed(logger, work.Kind, work.Id, ex.GetType().Name);
            }
            finally
            {
                inbox.MarkDone();
            }
        }
    }

    private async Task DoAsync(WebhookWork work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var refresher = scope.ServiceProvider.GetRequiredService<PageRefresher>();
        if (work.Kind == WebhookWorkKind.Schema)
        {
            if (await refresher.ForgetSchemaAsync(work.Id, cancellationToken))
            {
                LogSchema(logger, work.Id);
                await scope.ServiceProvider.GetRequiredService<ISyncTriggers>().TriggerAsync(SyncJob.Pull, cancellationToken);
            }

            return;
        }

        PageRefreshOutcome outcome;
        try
        {
            outcome = await refresher.RefreshAsync(work.Id, work.ParentDataSourceId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A pull inserted the same new page meanwhile (unique Notion id): reading it again merges into that row.
            outcome = await refresher.RefreshAsync(work.Id, work.ParentDataSourceId, cancellationToken);
        }

        LogRefreshed(logger, work.Id, outcome);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Webhook: page {PageId} read again: {Outcome}")]
    private static partial void LogRefreshed(ILogger logger, string pageId, PageRefreshOutcome outcome);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Webhook: the schema of {DataSourceId} changed; the next pull reads it again")]
    private static partial void LogSchema(ILogger logger, string dataSourceId);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Webhook: {Kind} {Id} failed ({Error}); the next poll catches up")]
    private static partial void LogFailed(ILogger logger, WebhookWorkKind kind, string id, string error);
}
