using Hamgam.Core.Settings;
using Hamgam.Core.Sync;
using Hamgam.Core.Time;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>One schedule as the settings page shows it: from configuration, saved over it, and the one in force.</summary>
public sealed record ScheduleState(string Job, string ConfigKey, string Configured, string? Saved)
{
    public string Effective => Saved ?? Configured;

    public bool IsOff => CronText.IsOff(Effective);
}

/// <summary>
/// The schedules of <c>Sync:PullCron</c>, <c>Sync:BackupCron</c> and <c>Sync:RecurringCron</c> — or, when saved on the
/// settings page, the stored ones — in the user's time zone, written to the job storage at start (every process writes
/// the same definitions; the engine runs each tick once) and again, at once, when the user saves a new one. A schedule
/// that is "off" is removed from the storage.
/// </summary>
public sealed class JobSchedules(IRecurringJobManager manager, JobStorage storage, IOptions<SyncOptions> sync, UserClock clock, SettingsStore store) : IHostedService
{
    public const string SyncId = "sync";
    public const string BackupId = "backup";
    public const string RecurringId = "recurring";

    /// <summary>The job ids, in the order the settings page lists them.</summary>
    public static IReadOnlyList<string> Jobs { get; } = [SyncId, BackupId, RecurringId];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var state in await GetAsync(cancellationToken))
        {
            var check = CronText.Check(state.Effective, clock.Now, clock.Zone);
            if (!check.Ok)
            {
                var source = state.Saved is null ? state.ConfigKey : $"The schedule saved for {state.Job} (settings page)";
                throw new InvalidOperationException($"{source} '{state.Effective}' is not a cron expression: {check.English}");
            }

            Apply(state.Job, state.Effective);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Each schedule: configured, saved, in force.</summary>
    public async Task<IReadOnlyList<ScheduleState>> GetAsync(CancellationToken cancellationToken = default)
    {
        var saved = await store.GetSchedulesAsync(cancellationToken);
        var s = sync.Value;
        return
        [
            new(SyncId, "Sync:PullCron", s.PullCron, saved.GetValueOrDefault(SyncId)),
            new(BackupId, "Sync:BackupCron", s.BackupCron, saved.GetValueOrDefault(BackupId)),
            new(RecurringId, "Sync:RecurringCron", s.RecurringCron, saved.GetValueOrDefault(RecurringId)),
        ];
    }

    /// <summary>
    /// Saves a schedule (a cron expression or "off"; null goes back to configuration) and applies it to the job engine
    /// now. An expression that does not parse is not saved: the check says why, in both languages.
    /// </summary>
    public async Task<CronCheck> SaveAsync(string job, string? value, CancellationToken cancellationToken = default)
    {
        if (!Jobs.Contains(job))
        {
            throw new ArgumentOutOfRangeException(nameof(job), job, "Not a scheduled job.");
        }

        var effective = value ?? (await GetAsync(cancellationToken)).Single(s => s.Job == job).Configured;
        var check = CronText.Check(effective, clock.Now, clock.Zone);
        if (!check.Ok)
        {
            return check;
        }

        var stored = value is null ? null : check.Off ? CronText.Off : value.Trim();
        await store.SaveScheduleAsync(job, stored, cancellationToken);
        Apply(job, stored ?? effective);
        return check;
    }

    /// <summary>Each schedule's next run (UTC), as the job storage has it; a schedule that is off is absent.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> NextRuns()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().ToDictionary(
            j => j.Id, j => j.NextExecution is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : (DateTimeOffset?)null);
    }

    private void Apply(string job, string cron)
    {
        if (CronText.IsOff(cron))
        {
            manager.RemoveIfExists(job);
            return;
        }

        var options = new RecurringJobOptions { TimeZone = clock.Zone };
        var expression = cron.Trim();
        switch (job)
        {
            case SyncId:
                manager.AddOrUpdate<SyncJobs>(SyncId, j => j.SyncAsync("scheduled", false, false, CancellationToken.None), expression, options);
                break;
            case BackupId:
                manager.AddOrUpdate<SyncJobs>(BackupId, j => j.BackupAsync("scheduled", CancellationToken.None), expression, options);
                break;
            default:
                manager.AddOrUpdate<SyncJobs>(RecurringId, j => j.RecurringAsync("scheduled", CancellationToken.None), expression, options);
                break;
        }
    }
}
