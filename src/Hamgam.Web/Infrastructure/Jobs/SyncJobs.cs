using Hamgam.Core.Settings;
using Hamgam.Core.Sync.Pull;
using Hamgam.Sheets;
using Hamgam.Web.Features.Sync;
using Hangfire;

namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>What a job did: skipped (another run held the lock), or the run's outcome in the API's shapes.</summary>
public sealed record JobOutcome(bool Skipped, SyncResponse? Sync = null, BackupResponse? Backup = null, int? Created = null, string? Error = null);

/// <summary>
/// The scheduled and manual jobs, thin: each takes its cross-process lock without waiting (a run still going means
/// this tick is skipped, not queued again) and calls <see cref="SyncRunner"/>. Jobs may run more than once; the runs
/// they call are idempotent. A failure is in the sync log and waits for the next tick (no automatic retry).
/// </summary>
public sealed partial class SyncJobs(SyncRunner runner, JobLocks locks, SavedPropertyNames propertyNames, ILogger<SyncJobs> logger)
{
    public const string NotionLock = "hamgam:notion";
    public const string BackupLock = "hamgam:backup";
    public const string RecurringLock = "hamgam:recurring";

    private static readonly JobOutcome Skip = new(Skipped: true);

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Pull from Notion, then push ({0})")]
    public async Task<JobOutcome> SyncAsync(string trigger, bool full, bool dryRun, CancellationToken cancellationToken)
    {
        if (!runner.NotionConfigured)
        {
            return new JobOutcome(false, new SyncResponse(false, "Notion is not configured: set Notion__Token and the database ids.", null, null, 0, []));
        }

        using var held = Lock(NotionLock, nameof(SyncAsync));
        if (held is null)
        {
            return Skip;
        }

        // Property names saved on the settings page of another process are seen by this run too.
        await propertyNames.RefreshAsync(cancellationToken);
        var result = await runner.SyncAsync(new PullRequest(full, dryRun, Trigger: trigger), cancellationToken);
        return result is var (push, pull) ? new JobOutcome(false, SyncApi.ToResponse(push, pull)) : Skip;
    }

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Back up to Google Sheets ({0})")]
    public async Task<JobOutcome> BackupAsync(string trigger, CancellationToken cancellationToken)
    {
        if (!runner.SheetsConfigured)
        {
            return new JobOutcome(false, Backup: new BackupResponse(false, "Google Sheets is not configured: set Sheets__SpreadsheetId and Sheets__CredentialsFile.", null, 0, 0));
        }

        using var held = Lock(BackupLock, nameof(BackupAsync));
        if (held is null)
        {
            return Skip;
        }

        try
        {
            var report = await runner.BackupAsync(trigger, cancellationToken);
            return report is null ? Skip : new JobOutcome(false, Backup: new BackupResponse(true, null, report.RunId, report.Rows, report.SheetsRequests));
        }
        catch (SheetsApiException ex)
        {
            return new JobOutcome(false, Backup: new BackupResponse(false, $"Google Sheets answered {ex.Status}: {ex.Message}", null, 0, 0));
        }
    }

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Create today's recurring tasks ({0})")]
    public async Task<JobOutcome> RecurringAsync(string trigger, CancellationToken cancellationToken)
    {
        using var held = Lock(RecurringLock, nameof(RecurringAsync));
        if (held is null)
        {
            return Skip;
        }

        var created = await runner.RecurringAsync(trigger, cancellationToken);
        return created is null ? Skip : new JobOutcome(false, Created: created);
    }

    private IDisposable? Lock(string resource, string job)
    {
        var held = locks.TryAcquire(resource);
        if (held is null)
        {
            LogSkipped(logger, job);
        }

        return held;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Job {Job} skipped: a run is still going (here or in another process).")]
    private static partial void LogSkipped(ILogger logger, string job);
}
