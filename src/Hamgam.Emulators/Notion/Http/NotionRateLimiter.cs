namespace Hamgam.Emulators.Notion.Http;

/// <summary>A token bucket per bearer token, on the emulator's clock: Burst requests at once, then RequestsPerSecond on average.</summary>
internal sealed class NotionRateLimiter(NotionEmulatorOptions options)
{
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Takes one request from the token's budget; when spent, returns the whole seconds to wait.</summary>
    public int? TryAcquire(string token)
    {
        if (!options.RateLimitEnabled)
        {
            return null;
        }
        var now = options.Clock.GetUtcNow();
        var rate = Math.Max(options.RequestsPerSecond, 0.001);
        var capacity = Math.Max(options.Burst, 1);
        lock (_gate)
        {
            if (!_buckets.TryGetValue(token, out var bucket))
            {
                bucket = new Bucket { Tokens = capacity, Updated = now };
                _buckets[token] = bucket;
            }
            var elapsed = Math.Max((now - bucket.Updated).TotalSeconds, 0);
            bucket.Tokens = Math.Min(capacity, bucket.Tokens + (elapsed * rate));
            bucket.Updated = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return null;
            }
            return Math.Max(1, (int)Math.Ceiling((1 - bucket.Tokens) / rate));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _buckets.Clear();
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public DateTimeOffset Updated { get; set; }
    }
}
