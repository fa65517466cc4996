using Hamgam.Core.Backup;
using Hamgam.Core.Recurring;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Sync.Push;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Features.Sync;

/// <summary>
/// Runs sync work in this process, never two runs of a kind at once: a second request while one is going is told so
/// instead of starting another. The job engine's jobs (<c>Infrastructure/Jobs/SyncJobs</c>) call it, scheduled or
/// manual; its own <see cref="TriggerAsync"/> (a background task in this process) serves only hosts without the job engine.
/// </summary>
public sealed partial class SyncRunner(
    IServiceProvider services, IOptions<NotionSyncOptions> notion, IOptions<SheetsBackupOptions> sheets, IHostApplicationLifetime lifetime, ILogger<SyncRunner> logger)
    : ISyncTriggers, IDisposable
{
    private readonly SemaphoreSlim _pull = new(1, 1);
    private readonly SemaphoreSlim _recurring = new(1, 1);
    private readonly SemaphoreSlim _backup = new(1, 1);

    public bool SheetsConfigured => !string.IsNullOrWhiteSpace(sheets.Value.SpreadsheetId) && !string.IsNullOrWhiteSpace(sheets.Value.CredentialsFile);

    /// <summary>Backs up now; null when a backup is already running.</summary>
    public async Task<BackupReport?> BackupAsync(string trigger, CancellationToken cancellationToken)
    {
        if (!await _backup.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SheetsBackup>().BackupAsync(trigger, cancellationToken);
        }
        finally
        {
            _backup.Release();
        }
    }

    public bool NotionConfigured =>
        !string.IsNullOrWhiteSpace(notion.Value.Token) && notion.Value.Databases is { } d
        && new[] { d.Tasks, d.Projects, d.Habits, d.DailyLogs }.Any(id => !string.IsNullOrWhiteSpace(id));

    /// <summary>
    /// Pulls, then pushes what is still pending; null when a sync is already running. The pull comes first so that a
    /// field edited both here and in Notion is merged (Notion wins, the local value goes to the conflict inbox) instead
    /// of the push silently overwriting Notion's edit.
    /// </summary>
    public async Task<(PushReport Push, PullReport Pull)?> SyncAsync(PullRequest request, CancellationToken cancellationToken)
    {
        if (!await _pull.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var pull = await scope.ServiceProvider.GetRequiredService<NotionPuller>().PullAsync(request, cancellationToken);
            var push = await scope.ServiceProvider.GetRequiredService<NotionPusher>().PushAsync(new PushRequest(request.DryRun, request.Trigger), cancellationToken);
            return (push, pull);
        }
        finally
        {
            _pull.Release();
        }
    }

    /// <summary>Pushes what is pending; null when a sync is already running.</summary>
    public async Task<PushReport?> PushAsync(PushRequest request, CancellationToken cancellationToken)
    {
        if (!await _pull.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NotionPusher>().PushAsync(request, cancellationToken);
        }
        finally
        {
            _pull.Release();
        }
    }

    public async Task<int?> RecurringAsync(string trigger, CancellationToken cancellationToken)
    {
        if (!await _recurring.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RecurringTaskGenerator>().RunAsync(trigger, cancellationToken);
        }
        finally
        {
            _recurring.Release();
        }
    }

    public void Dispose()
    {
        _pull.Dispose();
        _recurring.Dispose();
        _backup.Dispose();
    }

    public Task TriggerAsync(SyncJob job, CancellationToken cancellationToken = default)
    {
        _ = Task.Run(() => RunInBackgroundAsync(job), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task RunInBackgroundAsync(SyncJob job)
    {
        try
        {
            switch (job)
            {
                case SyncJob.Sync or SyncJob.Pull:
                    await SyncAsync(new PullRequest(Trigger: "manual"), lifetime.ApplicationStopping);
                    break;
                case SyncJob.Push:
                    await PushAsync(new PushRequest(Trigger: "manual"), lifetime.ApplicationStopping);
                    break;
                case SyncJob.Backup:
                    await BackupAsync("manual", lifetime.ApplicationStopping);
                    break;
                case SyncJob.Recurring:
                    await RecurringAsync("manual", lifetime.ApplicationStopping);
                    break;
                default:
                    LogNotAvailable(logger, job);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The run log already holds the failure with its message; this is the job boundary.
            LogJobFailed(logger, job, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Sync job {Job} failed ({Error}); see the sync log.")]
    private static partial void LogJobFailed(ILogger logger, SyncJob job, string error);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Sync job {Job} is not available in this version.")]
    private static partial void LogNotAvailable(ILogger logger, SyncJob job);
}
