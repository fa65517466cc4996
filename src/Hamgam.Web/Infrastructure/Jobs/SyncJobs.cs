using Hamgam.Core.Settings;
using Hamgam.Core.Sync.Pull;
using Hamgam.Sheets;
using Hamgam.Web.Features.Sync;
using Hangfire;

namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>What a job did: skipped (another run held the lock), or the run's outcome in the API's shapes.</summary>
public sealed record JobOutcome(bool Skipped, SyncResponse? Sync = null, BackupResponse? Backup = null, int? Created = null, string? Error = null);

/// <summary>
/// The scheduled and manual jobs, thin: each calls <see cref="SyncRunner"/> without waiting for its lock (a run still
/// going, here or in another process, means this tick is skipped, not queued again). Jobs may run more than once; the runs
/// they call are idempotent. A failure is in the sync log and waits for the next tick (no automatic retry).
/// </summary>
public sealed partial class SyncJobs(SyncRunner runner, SavedPropertyNames propertyNames, ILogger<SyncJobs> logger)
{
    private static readonly JobOutcome Skip = new(Skipped: true);

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Pull from Notion, then push ({0})")]
    public async Task<JobOutcome> SyncAsync(string trigger, bool full, bool dryRun, CancellationToken cancellationToken)
    {
        if (!runner.NotionConfigured)
        {
            return new JobOutcome(false, new SyncResponse(false, "Notion is not configured: set Notion__Token and the database ids.", null, null, 0, []));
        }

        // Property names saved on the settings page of another process are seen by this run too.
        await propertyNames.RefreshAsync(cancellationToken);
        var result = await runner.SyncAsync(new PullRequest(full, dryRun, Trigger: trigger), cancellationToken);
        return result is var (push, pull) ? new JobOutcome(false, SyncApi.ToResponse(push, pull)) : Skipped(nameof(SyncAsync));
    }

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Back up to Google Sheets ({0})")]
    public async Task<JobOutcome> BackupAsync(string trigger, CancellationToken cancellationToken)
    {
        if (!runner.SheetsConfigured)
        {
            return new JobOutcome(false, Backup: new BackupResponse(false, "Google Sheets is not configured: set Sheets__SpreadsheetId and Sheets__CredentialsFile.", null, 0, 0));
        }

        try
        {
            var report = await runner.BackupAsync(trigger, cancellationToken);
            return report is null ? Skipped(nameof(BackupAsync)) : new JobOutcome(false, Backup: new BackupResponse(true, null, report.RunId, report.Rows, report.SheetsRequests));
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
        var created = await runner.RecurringAsync(trigger, cancellationToken);
        return created is null ? Skipped(nameof(RecurringAsync)) : new JobOutcome(false, Created: created);
    }

    private JobOutcome Skipped(string job)
    {
        LogSkipped(logger, job);
        return Skip;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Job {Job} skipped: a run is still going (here or in another process).")]
    private static partial void LogSkipped(ILogger logger, string job);
}
