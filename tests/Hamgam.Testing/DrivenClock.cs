using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Testing;

/// <summary>
/// A FakeTimeProvider that knows how many one-shot timers are waiting, so a test can move time only while
/// someone waits on it (a retry delay) and never while a real HTTP exchange is under way.
/// </summary>
public sealed class DrivenClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _pending;

    public int PendingTimers => Volatile.Read(ref _pending);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || period != Timeout.InfiniteTimeSpan)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        // Counted only once the inner timer exists, so a test that sees it pending can advance past it.
        var tracked = new TrackedTimer(this);
        lock (tracked)
        {
            tracked.Inner = base.CreateTimer(
                s =>
                {
                    tracked.Finish();
                    callback(s);
                },
                state,
                dueTime,
                period);
            tracked.Start();
        }

        return tracked;
    }

    private sealed class TrackedTimer(DrivenClock clock) : ITimer
    {
        private bool _counted;
        private bool _finished;

        public ITimer Inner { get; set; } = null!;

        public void Start()
        {
            lock (this)
            {
                if (!_finished)
                {
                    _counted = true;
                    Interlocked.Increment(ref clock._pending);
                }
            }
        }

        public void Finish()
        {
            lock (this)
            {
                if (_counted && !_finished)
                {
                    Interlocked.Decrement(ref clock._pending);
                }

                _finished = true;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner.Change(dueTime, period);

        public void Dispose()
        {
            Finish();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Finish();
            return Inner.DisposeAsync();
        }
    }
}
