using Hamgam.Core.Sync.Activity;

namespace Hamgam.Web.Tests;

/// <summary>Records the jobs the dashboard asked for (the real job engine is the integrator's).</summary>
public sealed class RecordingTriggers : ISyncTriggers
{
    public List<SyncJob> Jobs { get; } = [];

    public Task TriggerAsync(SyncJob job, CancellationToken cancellationToken = default)
    {
        Jobs.Add(job);
        return Task.CompletedTask;
    }
}
