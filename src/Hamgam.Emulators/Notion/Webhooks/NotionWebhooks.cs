using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Hamgam.Emulators.Notion.Webhooks;

/// <summary>
/// The integration's webhook subscriptions and their deliveries, like Notion's: a one-time unsigned verification
/// request on subscribe; then, once verified, an event per page change (made through the API or the inspection
/// surface), signed <c>X-Notion-Signature: sha256=&lt;hex&gt;</c>, optionally delayed, aggregated and duplicated, and
/// retried with doubling waits while the target answers 5xx, 429 or not at all. Waits run on the emulator's clock.
/// </summary>
public sealed class NotionWebhooks : IAsyncDisposable
{
    private readonly NotionEmulatorOptions _options;
    private readonly Func<string> _workspaceName;
    private readonly Lock _gate = new();
    private readonly List<WebhookSubscription> _subscriptions = [];
    private readonly Dictionary<(string Subscription, string Type, string Entity), PendingEvent> _aggregating = [];
    private readonly ConcurrentQueue<WebhookAttempt> _attempts = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<HttpClient> _http;

    internal NotionWebhooks(NotionEmulatorOptions options, Func<string> workspaceName)
    {
        _options = options;
        _workspaceName = workspaceName;
        // A handler given by a test belongs to the test; only the emulator's own socket handler is disposed with it.
        _http = new(() => options.WebhookHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(10) }
            : new HttpClient(new SocketsHttpHandler(), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(10) });
    }

    /// <summary>The workspace id events name.</summary>
    public string WorkspaceId { get; } = NotionIds.NewId();

    /// <summary>The integration id events name (not the bot user's id).</summary>
    public string IntegrationId { get; } = NotionIds.NewId();

    public IReadOnlyList<WebhookSubscription> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions];
            }
        }
    }

    /// <summary>Every delivery attempt so far, in the order they were answered.</summary>
    public IReadOnlyList<WebhookAttempt> Attempts => [.. _attempts];

    /// <summary>Deliveries not finished yet (waiting, aggregating, retrying or sending).</summary>
    public int Pending => _inFlight.Count;

    /// <summary>Creates a subscription and sends its verification request (unsigned); returns once that is answered.</summary>
    public async Task<WebhookSubscription> SubscribeAsync(Uri url, WebhookDeliveryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var token = "secret_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', 'a').Replace('/', 'b');
        var subscription = new WebhookSubscription(NotionIds.NewId(), url, token, options ?? new WebhookDeliveryOptions());
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        var body = new System.Text.Json.Nodes.JsonObject { ["verification_token"] = token }.ToJsonString();
        var status = await PostAsync(url, body, signature: null, cancellationToken);
        _attempts.Enqueue(new WebhookAttempt(subscription.Id, null, null, 1, status, _options.Clock.GetUtcNow()));
        return subscription;
    }

    /// <summary>Notion's Verify step: true (and events start) when the token pasted back is the subscription's.</summary>
    public bool Verify(string subscriptionId, string token)
    {
        lock (_gate)
        {
            var subscription = _subscriptions.FirstOrDefault(s => s.Id == NotionIds.Normalize(subscriptionId));
            if (subscription is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(subscription.VerificationToken)))
            {
                return false;
            }

            subscription.Verified = true;
            return true;
        }
    }

    /// <summary>Waits until every delivery started so far has finished (the clock must move for delayed ones).</summary>
    public async Task IdleAsync(CancellationToken cancellationToken = default)
    {
        while (!_inFlight.IsEmpty)
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken);
        }
    }

    /// <summary>Called under the workspace lock: queues (or aggregates) an event for each verified subscription.</summary>
    internal void Publish(WebhookChange change)
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions.Where(s => s.Verified))
            {
                var now = _options.Clock.GetUtcNow();
                var key = (subscription.Id, change.Type, change.EntityId);
                if (subscription.Options.AggregationWindow > TimeSpan.Zero && _aggregating.TryGetValue(key, out var waiting))
                {
                    waiting.Merge(change, now);
                    continue;
                }

                var pending = new PendingEvent(NotionIds.NewId(), change, now);
                if (subscription.Options.AggregationWindow > TimeSpan.Zero)
                {
                    _aggregating[key] = pending;
                }

                Track(DeliverAsync(subscription, key, pending, _stopping.Token));
            }
        }
    }

    private void Track(Task task)
    {
        _inFlight.TryAdd(task, 0);
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DeliverAsync(WebhookSubscription subscription, (string, string, string) key, PendingEvent pending, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var options = subscription.Options;
        try
        {
            if (options.AggregationWindow > TimeSpan.Zero)
            {
                await Task.Delay(options.AggregationWindow, _options.Clock, cancellationToken);
                lock (_gate)
                {
                    _aggregating.Remove(key);
                }
            }

            if (options.Delay > TimeSpan.Zero)
            {
                await Task.Delay(options.Delay, _options.Clock, cancellationToken);
            }

            for (var copy = 0; copy <= options.Duplicates; copy++)
            {
                await SendWithRetriesAsync(subscription, pending, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The emulator is stopping: undelivered events are dropped, as a disabled subscription's would be.
        }
    }

    private async Task SendWithRetriesAsync(WebhookSubscription subscription, PendingEvent pending, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= subscription.Options.MaxAttempts; attempt++)
        {
            var body = pending.Render(subscription, WorkspaceId, _workspaceName(), IntegrationId, attempt).ToJsonString();
            var status = await PostAsync(subscription.Url, body, Sign(body, subscription.VerificationToken), cancellationToken);
            _attempts.Enqueue(new WebhookAttempt(subscription.Id, pending.Id, pending.First.Type, attempt, status, _options.Clock.GetUtcNow()));
            if (status is >= 200 and < 300 || (status is >= 400 and < 500 && status != 429))
            {
                return;
            }

            if (attempt < subscription.Options.MaxAttempts)
            {
                await Task.Delay(subscription.Options.RetryBaseDelay * Math.Pow(2, attempt - 1), _options.Clock, cancellationToken);
            }
        }
    }

    /// <summary>The status the target answered, or 0 when it could not be reached in time.</summary>
    private async Task<int> PostAsync(Uri url, string body, string? signature, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd("notion-api");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Notion-Signature", signature);
        }

        try
        {
            using var response = await _http.Value.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    internal static string Sign(string body, string token) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(body)));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_inFlight.Keys);
        }
        catch (OperationCanceledException)
        {
            // Deliveries cut short by the stop.
        }

        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }

        _stopping.Dispose();
    }
}
