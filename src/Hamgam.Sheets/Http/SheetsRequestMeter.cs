namespace Hamgam.Sheets;

/// <summary>
/// Counts Sheets API requests as they go on the wire (each retry counts: it uses quota), for the dashboard's
/// budget meter. Thread-safe; keeps the last hour.
/// </summary>
public sealed class SheetsRequestMeter(TimeProvider clock)
{
    private readonly Queue<(DateTimeOffset At, bool Throttled)> _recent = new();
    private readonly Lock _gate = new();
    private long _total;

    /// <summary>Requests sent since start.</summary>
    public long TotalRequests => Interlocked.Read(ref _total);

    /// <summary>Requests sent in the last minute (Google's quota window).</summary>
    public int RequestsInLastMinute => CountSince(TimeSpan.FromMinutes(1), throttledOnly: false);

    /// <summary>Requests sent in the last hour.</summary>
    public int RequestsInLastHour => CountSince(TimeSpan.FromHours(1), throttledOnly: false);

    /// <summary>Requests answered 429 in the last hour.</summary>
    public int ThrottledInLastHour => CountSince(TimeSpan.FromHours(1), throttledOnly: true);

    internal void Record(bool throttled)
    {
        Interlocked.Increment(ref _total);
        lock (_gate)
        {
            _recent.Enqueue((clock.GetUtcNow(), throttled));
            Prune();
        }
    }

    private int CountSince(TimeSpan window, bool throttledOnly)
    {
        var since = clock.GetUtcNow() - window;
        lock (_gate)
        {
            Prune();
            return _recent.Count(r => r.At > since && (!throttledOnly || r.Throttled));
        }
    }

    private void Prune()
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromHours(1);
        while (_recent.TryPeek(out var oldest) && oldest.At <= cutoff)
        {
            _recent.Dequeue();
        }
    }
}

/// <summary>Feeds <see cref="SheetsRequestMeter"/>; the innermost handler, so it sees every attempt.</summary>
internal sealed class SheetsMeterHandler(SheetsRequestMeter meter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            meter.Record((int)response.StatusCode == 429);
            return response;
        }
        catch (HttpRequestException)
        {
            meter.Record(throttled: false);
            throw;
        }
    }
}
