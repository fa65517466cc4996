using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Emulators.Tests.Sheets;

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

        var tracked = new TrackedTimer(this);
        Interlocked.Increment(ref _pending);
        tracked.Inner = base.CreateTimer(
            s =>
            {
                tracked.Finish();
                callback(s);
            },
            state,
            dueTime,
            period);
        return tracked;
    }

    private sealed class TrackedTimer(DrivenClock clock) : ITimer
    {
        private int _finished;

        public ITimer Inner { get; set; } = null!;

        public void Finish()
        {
            if (Interlocked.Exchange(ref _finished, 1) == 0)
            {
                Interlocked.Decrement(ref clock._pending);
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
