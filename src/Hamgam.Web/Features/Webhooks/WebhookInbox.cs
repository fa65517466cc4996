using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Hamgam.Web.Features.Webhooks;

/// <summary>One piece of work a webhook asks for: read a page again, or check a data source's schema.</summary>
public sealed record WebhookWork(WebhookWorkKind Kind, string Id, string? ParentDataSourceId)
{
    public string Key => $"{Kind}:{Id}";
}

public enum WebhookWorkKind
{
    Page,
    Schema,
}

/// <summary>
/// Between the endpoint and <see cref="WebhookWorker"/>: remembers recent event ids (a delivery seen before is
/// dropped) and coalesces work, so a page edited a hundred times while it waits is read once. Both are bounded: past
/// <see cref="MaxRecentIds"/> the oldest ids are forgotten, and past <see cref="MaxQueued"/> waiting items new work is
/// dropped (the next poll still sees every change; polling is the truth).
/// </summary>
public sealed class WebhookInbox
{
    public const int MaxRecentIds = 10_000;
    public const int MaxQueued = 5_000;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();
    private readonly ConcurrentDictionary<string, WebhookWork> _waiting = new(StringComparer.Ordinal);
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private long _done;
    private long _busy;

    /// <summary>Work items finished (or failed) by the worker; tests wait on it.</summary>
    public long Done => Interlocked.Read(ref _done);

    /// <summary>Items waiting for the worker.</summary>
    public int Waiting => _waiting.Count;

    /// <summary>Nothing waits and nothing is being worked on.</summary>
    public bool Idle => _waiting.IsEmpty && Interlocked.Read(ref _busy) == 0;

    /// <summary>True the first time an event id is seen (within the last <see cref="MaxRecentIds"/>).</summary>
    public bool FirstDelivery(string eventId)
    {
        lock (_gate)
        {
            if (!_recent.Add(eventId))
            {
                return false;
            }

            _recentOrder.Enqueue(eventId);
            if (_recentOrder.Count > MaxRecentIds)
            {
                _recent.Remove(_recentOrder.Dequeue());
            }

            return true;
        }
    }

    /// <summary>Queues work unless the same work is already waiting; false when it was coalesced or dropped.</summary>
    public bool Post(WebhookWork work)
    {
        if (_waiting.Count >= MaxQueued || !_waiting.TryAdd(work.Key, work))
        {
            return false;
        }

        return _queue.Writer.TryWrite(work.Key);
    }

    /// <summary>Waits for the next piece of work; it leaves the waiting set, so an event for it from now on queues it again.</summary>
    public async ValueTask<WebhookWork> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var key = await _queue.Reader.ReadAsync(cancellationToken);
            // Busy before it leaves the waiting set, so Idle is never true in between.
            Interlocked.Increment(ref _busy);
            if (_waiting.TryRemove(key, out var work))
            {
                return work;
            }

            Interlocked.Decrement(ref _busy);
        }
    }

    internal void MarkDone()
    {
        Interlocked.Increment(ref _done);
        Interlocked.Decrement(ref _busy);
    }
}
