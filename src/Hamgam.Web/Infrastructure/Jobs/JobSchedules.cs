using Hamgam.Core.Sync;
using Hamgam.Core.Time;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>
/// The schedules of <c>Sync:PullCron</c>, <c>Sync:BackupCron</c> and <c>Sync:RecurringCron</c>, in the user's time
/// zone, written to the job storage at start (every process writes the same definitions; the engine runs each tick once).
/// </summary>
public sealed class JobSchedules(IRecurringJobManager manager, JobStorage storage, IOptions<SyncOptions> sync, UserClock clock) : IHostedService
{
    public const string SyncId = "sync";
    public const string BackupId = "backup";
    public const string RecurringId = "recurring";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new RecurringJobOptions { TimeZone = clock.Zone };
        var s = sync.Value;
        Schedule("Sync:PullCron", s.PullCron, () => manager.AddOrUpdate<SyncJobs>(SyncId, j => j.SyncAsync("scheduled", false, false, CancellationToken.None), s.PullCron, options));
        Schedule("Sync:BackupCron", s.BackupCron, () => manager.AddOrUpdate<SyncJobs>(BackupId, j => j.BackupAsync("scheduled", CancellationToken.None), s.BackupCron, options));
        Schedule("Sync:RecurringCron", s.RecurringCron, () => manager.AddOrUpdate<SyncJobs>(RecurringId, j => j.RecurringAsync("scheduled", CancellationToken.None), s.RecurringCron, options));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Schedule(string key, string cron, Action addOrUpdate)
    {
        try
        {
            addOrUpdate();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"{key} '{cron}' is not a cron expression (five fields, or six with seconds first, e.g. \"*/5 * * * *\"): {ex.Message}", ex);
        }
    }

    /// <summary>Each schedule's next run (UTC), as the job storage has it.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> NextRuns()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().ToDictionary(
            j => j.Id, j => j.NextExecution is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : (DateTimeOffset?)null);
    }
}
