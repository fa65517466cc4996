using Hamgam.Notion.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Notion.Tests;

public sealed class RateLimiterTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 3);

    [Fact]
    public async Task Acquire_BurstThenSteadyThreePerSecond()
    {
        var clock = new FakeTimeProvider();
        using var bucket = new PriorityTokenBucket(3, 3, clock);

        var waits = Enumerable.Range(0, 40).Select(_ => bucket.AcquireAsync(NotionRequestPriority.Pull, default).AsTask()).ToList();

        // Granted waiters leave the queue at once; their tasks complete asynchronously.
        Assert.Equal(3, waits.Count(w => w.IsCompletedSuccessfully));
        Assert.Equal(37, bucket.QueueLength);
        clock.Advance(Interval - TimeSpan.FromTicks(1));
        Assert.Equal(37, bucket.QueueLength);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(36, bucket.QueueLength);
        for (var i = 1; i < 30; i++)
        {
            clock.Advance(Interval);
        }

        // 10 s after the burst: 3 + 30 permits.
        Assert.Equal(TimeSpan.FromTicks(Interval.Ticks * 30), clock.GetUtcNow() - clock.Start);
        Assert.Equal(40 - 3 - 30, bucket.QueueLength);
        await Task.WhenAll(waits.Take(33));
        Assert.All(waits.Skip(33), w => Assert.False(w.IsCompleted));
    }

    [Fact]
    public void Acquire_AfterQuietPeriod_BurstIsRefilledButNotExceeded()
    {
        var clock = new FakeTimeProvider();
        using var bucket = new PriorityTokenBucket(3, 5, clock);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(bucket.AcquireAsync(NotionRequestPriority.Pull, default).AsTask().IsCompletedSuccessfully);
        }

        clock.Advance(TimeSpan.FromMinutes(1));

        var waits = Enumerable.Range(0, 6).Select(_ => bucket.AcquireAsync(NotionRequestPriority.Pull, default).AsTask()).ToList();
        Assert.Equal(5, waits.Count(w => w.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task Acquire_InteractiveOvertakesQueuedBackgroundAndPull()
    {
        var clock = new FakeTimeProvider();
        using var bucket = new PriorityTokenBucket(3, 1, clock);
        await bucket.AcquireAsync(NotionRequestPriority.Background, default);
        var background = Enumerable.Range(0, 3).Select(_ => bucket.AcquireAsync(NotionRequestPriority.Background, default).AsTask()).ToList();
        var pull = bucket.AcquireAsync(NotionRequestPriority.Pull, default).AsTask();
        var interactive = bucket.AcquireAsync(NotionRequestPriority.Interactive, default).AsTask();

        clock.Advance(Interval);
        await interactive;
        Assert.False(pull.IsCompleted);
        Assert.All(background, b => Assert.False(b.IsCompleted));

        clock.Advance(Interval);
        await pull;
        Assert.All(background, b => Assert.False(b.IsCompleted));

        clock.Advance(Interval);
        await background[0];
        Assert.False(background[1].IsCompleted);
    }

    [Fact]
    public async Task Acquire_CancelledWaiter_DoesNotConsumeAPermit()
    {
        var clock = new FakeTimeProvider();
        using var bucket = new PriorityTokenBucket(3, 1, clock);
        await bucket.AcquireAsync(NotionRequestPriority.Pull, default);
        using var cts = new CancellationTokenSource();
        var cancelled = bucket.AcquireAsync(NotionRequestPriority.Interactive, cts.Token).AsTask();
        var next = bucket.AcquireAsync(NotionRequestPriority.Pull, default).AsTask();

        await cts.CancelAsync();
        clock.Advance(Interval);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await next;
    }

    [Fact]
    public void Registry_SameToken_SharesOneLimiter()
    {
        using var registry = new NotionRateLimiterRegistry(Options.Create(new NotionClientOptions()), new FakeTimeProvider());

        Assert.Same(registry.For("ntn_a"), registry.For("ntn_a"));
        Assert.NotSame(registry.For("ntn_a"), registry.For("ntn_b"));
    }

    [Fact]
    public async Task Client_SharedLimiter_HoldsRequestsAndServesInteractiveFirst()
    {
        await using var host = await NotionTestHost.StartAsync(o => (o.RequestsPerSecond, o.Burst) = (1, 1));
        const string me = """{"object":"user","id":"u"}""";
        host.Server.Fallback = ctx => LoopbackServer.RespondAsync(ctx, 200, me, "application/json");
        await host.Client.Users.MeAsync();

        Task background, interactive;
        using (NotionPriority.Enter(NotionRequestPriority.Background))
        {
            background = host.Client.Users.RetrieveAsync("background");
        }

        await host.Clock.WaitForScheduledAsync(d => d == TimeSpan.FromSeconds(1));
        using (NotionPriority.Enter(NotionRequestPriority.Interactive))
        {
            interactive = host.Client.Users.RetrieveAsync("interactive");
        }

        Assert.Single(host.Server.Requests);
        await WaitUntilQueuedAsync(host, 2);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await interactive;
        Assert.False(background.IsCompleted);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await background;

        Assert.Equal(["/v1/users/me", "/v1/users/interactive", "/v1/users/background"], host.Server.Requests.Select(r => r.PathAndQuery));
    }

    private static async Task WaitUntilQueuedAsync(NotionTestHost host, int count)
    {
        // The second request reaches the limiter asynchronously; wait on the condition, not on time.
        var bucket = host.Limiters.For("ntn_test_token");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (bucket.QueueLength < count)
        {
            await Task.Yield();
            cts.Token.ThrowIfCancellationRequested();
        }
    }
}
