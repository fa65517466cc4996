namespace Hamgam.Core.Sync.Activity;

/// <summary>The work a user can start by hand; the same jobs the schedules run.</summary>
public enum SyncJob
{
    /// <summary>Pull from Notion, then push what is still pending.</summary>
    Sync,
    Push,
    Pull,
    Backup,
    Recurring,
}

/// <summary>Starts a job now ("sync now", "backup now"); the job engine runs it, never two of a kind at once.</summary>
public interface ISyncTriggers
{
    /// <summary>Queues the job and returns without waiting for it; follow it through <see cref="SyncActivity"/> and the sync log.</summary>
    Task TriggerAsync(SyncJob job, CancellationToken cancellationToken = default);
}
