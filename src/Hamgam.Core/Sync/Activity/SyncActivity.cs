using System.Collections.Concurrent;
using Hamgam.Core.Runs;

namespace Hamgam.Core.Sync.Activity;

/// <summary>A live view of one run while it is going: what it is doing and how far it has got.</summary>
public sealed record SyncProgress(
    long RunId, SyncRunType Type, string Phase, int Processed, int? Total, int RequestsUsed, DateTimeOffset StartedAt);

/// <summary>
/// Live progress of the runs going on now, for the dashboard's status card. Runs report into it; the dashboard
/// reads <see cref="Current"/> and listens to <see cref="Changed"/>. It holds no history: that is the sync log.
/// </summary>
public sealed class SyncActivity
{
    private readonly ConcurrentDictionary<long, SyncProgress> _running = new();

    public event Action<SyncProgress>? Changed;

    public IReadOnlyList<SyncProgress> Current => [.. _running.Values.OrderBy(p => p.StartedAt)];

    public bool IsRunning(SyncRunType type) => _running.Values.Any(p => p.Type == type);

    public void Report(SyncProgress progress)
    {
        _running[progress.RunId] = progress;
        Changed?.Invoke(progress);
    }

    public void Finish(long runId)
    {
        if (_running.TryRemove(runId, out var last))
        {
            Changed?.Invoke(last with { Phase = "done" });
        }
    }
}
