namespace Hamgam.Notion;

/// <summary>
/// A token bucket over <see cref="TimeProvider"/> whose waiters are served by priority, then in arrival
/// order. The framework's TokenBucketRateLimiter runs on real time and has no priorities, hence this.
/// All arithmetic is in whole ticks so that tests driving a fake clock see exact results.
/// </summary>
internal sealed class PriorityTokenBucket : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly long _intervalTicks;
    private readonly int _capacity;
    private readonly Queue<TaskCompletionSource>[] _queues;
    private readonly ITimer _timer;
    private int _tokens;
    private long _refilledAt;
    private bool _timerArmed;

    public PriorityTokenBucket(double permitsPerSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _time = time;
        _origin = time.GetTimestamp();
        _intervalTicks = Math.Max(1, (long)(TimeSpan.TicksPerSecond / permitsPerSecond));
        _capacity = burst;
        _tokens = burst;
        _queues = Enum.GetValues<NotionRequestPriority>().Select(_ => new Queue<TaskCompletionSource>()).ToArray();
        _timer = time.CreateTimer(static s => ((PriorityTokenBucket)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The number of requests waiting for a permit.</summary>
    public int QueueLength
    {
        get
        {
            lock (_gate)
            {
                return _queues.Sum(q => q.Count(w => !w.Task.IsCompleted));
            }
        }
    }

    public ValueTask AcquireAsync(NotionRequestPriority priority, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            Refill();
            if (_tokens > 0 && !HasWaiters())
            {
                _tokens--;
                return ValueTask.CompletedTask;
            }

            _queues[QueueIndex(priority)].Enqueue(waiter);
            ArmTimer();
        }

        return WaitAsync(waiter, cancellationToken);
    }

    public void Dispose() => _timer.Dispose();

    private static async ValueTask WaitAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.UnsafeRegister(
            static (s, ct) => ((TaskCompletionSource)s!).TrySetCanceled(ct), waiter);
        await waiter.Task.ConfigureAwait(false);
    }

    private static int QueueIndex(NotionRequestPriority priority) =>
        Math.Clamp((int)priority, 0, (int)NotionRequestPriority.Background);

    private void OnTimer()
    {
        lock (_gate)
        {
            _timerArmed = false;
            Refill();
            while (_tokens > 0 && TryDequeue(out var waiter))
            {
                if (waiter.TrySetResult())
                {
                    _tokens--;
                }
            }

            if (HasWaiters())
            {
                ArmTimer();
            }
        }
    }

    private long Now() => _time.GetElapsedTime(_origin).Ticks;

    private void Refill()
    {
        var now = Now();
        if (_tokens >= _capacity)
        {
            _refilledAt = now;
            return;
        }

        var earned = (now - _refilledAt) / _intervalTicks;
        if (earned <= 0)
        {
            return;
        }

        _tokens = (int)Math.Min(_capacity, _tokens + earned);
        _refilledAt = _tokens >= _capacity ? now : _refilledAt + (earned * _intervalTicks);
    }

    private void ArmTimer()
    {
        if (_timerArmed)
        {
            return;
        }

        var due = Math.Max(1, _intervalTicks - (Now() - _refilledAt));
        _timerArmed = true;
        _timer.Change(TimeSpan.FromTicks(due), Timeout.InfiniteTimeSpan);
    }

    private bool HasWaiters()
    {
        foreach (var queue in _queues)
        {
            while (queue.Count > 0 && queue.Peek().Task.IsCompleted)
            {
                queue.Dequeue();
            }

            if (queue.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool TryDequeue(out TaskCompletionSource waiter)
    {
        foreach (var queue in _queues)
        {
            while (queue.TryDequeue(out waiter!))
            {
                if (!waiter.Task.IsCompleted)
                {
                    return true;
                }
            }
        }

        waiter = null!;
        return false;
    }
}
