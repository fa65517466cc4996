namespace Hamgam.Notion;

/// <summary>Counts Notion requests as they go on the wire (retries included), for the dashboard's budget meter.</summary>
public sealed class NotionRequestMeter
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly TimeProvider _time;
    private long _total;
    private long _rateLimited;
    private DateTimeOffset? _lastRateLimitedAt;

    /// <summary>Creates a meter.</summary>
    /// <param name="timeProvider">The clock.</param>
    public NotionRequestMeter(TimeProvider timeProvider) => _time = timeProvider;

    /// <summary>The counts now.</summary>
    /// <returns>A snapshot.</returns>
    public NotionRequestMeterSnapshot GetSnapshot()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Prune(now);
            var lastMinute = _recent.Count(t => t > now - TimeSpan.FromMinutes(1));
            return new NotionRequestMeterSnapshot(lastMinute, _recent.Count, _total, _rateLimited, _lastRateLimitedAt);
        }
    }

    internal void RecordSent()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _recent.Enqueue(now);
            _total++;
            Prune(now);
        }
    }

    internal void RecordRateLimited()
    {
        lock (_gate)
        {
            _rateLimited++;
            _lastRateLimitedAt = _time.GetUtcNow();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_recent.Count > 0 && _recent.Peek() <= now - Window)
        {
            _recent.Dequeue();
        }
    }
}

/// <summary>Request counts at one moment.</summary>
/// <param name="LastMinute">Requests sent in the last 60 seconds.</param>
/// <param name="LastHour">Requests sent in the last hour.</param>
/// <param name="Total">Requests sent since start.</param>
/// <param name="RateLimited">429 and 529 answers seen since start.</param>
/// <param name="LastRateLimitedAt">When the last one was seen.</param>
public sealed record NotionRequestMeterSnapshot(int LastMinute, int LastHour, long Total, long RateLimited, DateTimeOffset? LastRateLimitedAt);

/// <summary>The innermost handler: feeds the meter.</summary>
internal sealed class NotionMeterHandler(NotionRequestMeter meter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        meter.RecordSent();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is 429 or 529)
        {
            meter.RecordRateLimited();
        }

        return response;
    }
}
