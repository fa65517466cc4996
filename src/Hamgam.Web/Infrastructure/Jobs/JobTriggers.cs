using Hamgam.Core.Sync.Activity;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>"Sync now" and "backup now": they enqueue the same jobs the schedules run, and can wait for the outcome.</summary>
public sealed class JobTriggers(IBackgroundJobClient client, JobStorage storage, IOptions<JobsOptions> options, TimeProvider time) : ISyncTriggers
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    public Task TriggerAsync(SyncJob job, CancellationToken cancellationToken = default)
    {
        Enqueue(job);
        return Task.CompletedTask;
    }

    /// <summary>Queues the job; Push and Pull run the full sync (pull, then push what is still pending).</summary>
    public string Enqueue(SyncJob job, bool full = false, bool dryRun = false) => job switch
    {
        SyncJob.Backup => client.Enqueue<SyncJobs>(j => j.BackupAsync("manual", CancellationToken.None)),
        SyncJob.Recurring => client.Enqueue<SyncJobs>(j => j.RecurringAsync("manual", CancellationToken.None)),
        _ => client.Enqueue<SyncJobs>(j => j.SyncAsync("manual", full, dryRun, CancellationToken.None)),
    };

    /// <summary>The job's outcome once it has finished; null if it is still going after <see cref="JobsOptions.ManualWait"/>.</summary>
    public async Task<JobOutcome?> WaitAsync(string jobId, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.ManualWait;
        using var connection = storage.GetConnection();
        while (time.GetUtcNow() < deadline)
        {
            var state = connection.GetStateData(jobId);
            if (Finished(state) is { } outcome)
            {
                return outcome;
            }

            await Task.Delay(PollEvery, time, cancellationToken);
        }

        return null;
    }

    private static JobOutcome? Finished(Hangfire.Storage.StateData? state)
    {
        if (state?.Name == SucceededState.StateName)
        {
            return state.Data.TryGetValue("Result", out var json) && !string.IsNullOrEmpty(json)
                ? SerializationHelper.Deserialize<JobOutcome>(json, SerializationOption.User)
                : new JobOutcome(false, Error: "The job finished without a result.");
        }

        if (state?.Name == FailedState.StateName)
        {
            return new JobOutcome(false, Error: state.Data.TryGetValue("ExceptionMessage", out var message) ? message : state.Reason);
        }

        return state?.Name == DeletedState.StateName ? new JobOutcome(false, Error: "The job was deleted before it ran.") : null;
    }
}
