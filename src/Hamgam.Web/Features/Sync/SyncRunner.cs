using Hamgam.Core.Backup;
using Hamgam.Core.Backup.Restore;
using Hamgam.Core.Recurring;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Coordination;
using Hamgam.Core.Sync.Pull;
using Hamgam.Core.Sync.Push;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Features.Sync;

/// <summary>
/// The one coordinator of sync work: the schedules, the buttons, push on save, the live poll, webhooks, the CLI verbs
/// and the REST triggers all run pulls, pushes, backups and recurring runs through here. Each kind runs once at a time
/// in this process and across processes on one PostgreSQL (<see cref="RunLocks"/>); a caller either waits its turn or,
/// with <c>wait: false</c>, is told (null) that a run is already going. The job engine's jobs
/// (<c>Infrastructure/Jobs/SyncJobs</c>) call it; its own <see cref="TriggerAsync"/> serves only hosts without the job engine.
/// </summary>
public sealed partial class SyncRunner(
    IServiceProvider services, RunLocks locks, IOptions<NotionSyncOptions> notion, IOptions<SheetsBackupOptions> sheets,
    IHostApplicationLifetime lifetime, ILogger<SyncRunner> logger)
    : ISyncTriggers
{
    public bool SheetsConfigured => !string.IsNullOrWhiteSpace(sheets.Value.SpreadsheetId) && !string.IsNullOrWhiteSpace(sheets.Value.CredentialsFile);

    public bool NotionConfigured =>
        !string.IsNullOrWhiteSpace(notion.Value.Token) && notion.Value.Databases is { } d
        && new[] { d.Tasks, d.Projects, d.Habits, d.DailyLogs }.Any(id => !string.IsNullOrWhiteSpace(id));

    /// <summary>Backs up now; null when a backup is already running (and <paramref name="wait"/> is false).</summary>
    public Task<BackupReport?> BackupAsync(string trigger, CancellationToken cancellationToken, bool wait = false) =>
        RunAsync(RunLane.Backup, wait, sp => sp.GetRequiredService<SheetsBackup>().BackupAsync(trigger, cancellationToken), cancellationToken);

    /// <summary>
    /// Restores from the Sheets backup; in the backup's lane, so it never reads a sheet a backup is rewriting. Null when
    /// a backup or restore is already running (and <paramref name="wait"/> is false). Its changes go out through the outbox.
    /// </summary>
    public Task<RestoreReport?> RestoreAsync(RestoreRequest request, CancellationToken cancellationToken, bool wait = false) =>
        RunAsync(RunLane.Backup, wait, sp => sp.GetRequiredService<SheetsRestore>().RestoreAsync(request, cancellationToken), cancellationToken);

    /// <summary>
    /// Pulls, then pushes what is still pending; null when a sync is already running (and <paramref name="wait"/> is false).
    /// The pull comes first so that a field edited both here and in Notion is merged (Notion wins, the local value goes to
    /// the conflict inbox) instead of the push silently overwriting Notion's edit.
    /// </summary>
    public Task<(PushReport Push, PullReport Pull)?> SyncAsync(PullRequest request, CancellationToken cancellationToken, bool wait = false) =>
        RunAsync<(PushReport, PullReport)?>(RunLane.Notion, wait, async sp =>
        {
            var pull = await sp.GetRequiredService<NotionPuller>().PullAsync(request, cancellationToken);
            var push = await sp.GetRequiredService<NotionPusher>().PushAsync(new PushRequest(request.DryRun, request.Trigger), cancellationToken);
            return (push, pull);
        }, cancellationToken);

    /// <summary>Pulls only; null when a sync is already running (and <paramref name="wait"/> is false).</summary>
    public Task<PullReport?> PullAsync(PullRequest request, CancellationToken cancellationToken, bool wait = false) =>
        RunAsync(RunLane.Notion, wait, sp => sp.GetRequiredService<NotionPuller>().PullAsync(request, cancellationToken), cancellationToken);

    /// <summary>Pushes what is pending; null when a sync is already running (and <paramref name="wait"/> is false).</summary>
    public Task<PushReport?> PushAsync(PushRequest request, CancellationToken cancellationToken, bool wait = false) =>
        RunAsync(RunLane.Notion, wait, sp => sp.GetRequiredService<NotionPusher>().PushAsync(request, cancellationToken), cancellationToken);

    public async Task<int?> RecurringAsync(string trigger, CancellationToken cancellationToken) =>
        await RunAsync<int?>(RunLane.Recurring, false, async sp => await sp.GetRequiredService<RecurringTaskGenerator>().RunAsync(trigger, cancellationToken), cancellationToken);

    private async Task<T?> RunAsync<T>(RunLane lane, bool wait, Func<IServiceProvider, Task<T>> run, CancellationToken cancellationToken)
    {
        var held = wait ? await locks.WaitAsync(lane, cancellationToken) : await locks.TryAcquireAsync(lane, cancellationToken);
        if (held is null)
        {
            return default;
        }

        await using (held)
        {
            await using var scope = services.CreateAsyncScope();
            return await run(scope.ServiceProvider);
        }
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
