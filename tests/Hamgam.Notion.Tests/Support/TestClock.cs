using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Notion.Tests.Support;

/// <summary>A fake clock that also reports every timer it schedules, so a test can wait until a delay
/// is pending before advancing time (instead of sleeping).</summary>
public sealed class TestClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _scheduled = Channel.CreateUnbounded<TimeSpan>();

    public TestClock()
        : base(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Report(dueTime);
        return timer;
    }

    /// <summary>Waits (up to 10 s of real time) until a timer is scheduled with a due time matching <paramref name="match"/>.</summary>
    public async Task<TimeSpan> WaitForScheduledAsync(Func<TimeSpan, bool> match)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var due = await _scheduled.Reader.ReadAsync(cts.Token);
            if (match(due))
            {
                return due;
            }
        }
    }

    private void Report(TimeSpan due)
    {
        if (due != Timeout.InfiniteTimeSpan)
        {
            _scheduled.Writer.TryWrite(due);
        }
    }

    private sealed class ObservedTimer(ITimer inner, TestClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Report(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
