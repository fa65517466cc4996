using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Hamgam.Notion;

/// <summary>One limiter per token, shared by every client in the process that uses that token.
/// Keyed by a hash so the registry never holds the token itself.</summary>
internal sealed class NotionRateLimiterRegistry(IOptions<NotionClientOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<PriorityTokenBucket>> _buckets = new(StringComparer.Ordinal);

    public PriorityTokenBucket For(string? token)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));
        return _buckets.GetOrAdd(key, _ => new Lazy<PriorityTokenBucket>(
            () => new PriorityTokenBucket(options.Value.RequestsPerSecond, options.Value.Burst, time))).Value;
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values.Where(b => b.IsValueCreated))
        {
            bucket.Value.Dispose();
        }
    }
}

/// <summary>Waits for a permit of the token's shared limiter before every attempt, retries included.</summary>
internal sealed class NotionRateLimitHandler(NotionRateLimiterRegistry registry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var priority = request.Options.TryGetValue(NotionPriority.OptionKey, out var p) ? p : NotionPriority.Current;
        await registry.For(request.Headers.Authorization?.Parameter).AcquireAsync(priority, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
