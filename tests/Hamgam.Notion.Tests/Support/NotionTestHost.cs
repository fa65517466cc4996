using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Notion.Tests.Support;

/// <summary>A NotionClient built the way the app builds it (AddNotionClient), pointed at a loopback server.</summary>
public sealed class NotionTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private NotionTestHost(ServiceProvider services, LoopbackServer server, TestClock clock)
    {
        _services = services;
        Server = server;
        Clock = clock;
    }

    public LoopbackServer Server { get; }

    public TestClock Clock { get; }

    public NotionClient Client => _services.GetRequiredService<NotionClient>();

    public NotionRequestMeter Meter => _services.GetRequiredService<NotionRequestMeter>();

    internal NotionRateLimiterRegistry Limiters => _services.GetRequiredService<NotionRateLimiterRegistry>();

    public static async Task<NotionTestHost> StartAsync(Action<NotionClientOptions>? configure = null)
    {
        var clock = new TestClock();
        var server = await LoopbackServer.StartAsync(clock);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddNotionClient(o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.Token = "ntn_test_token";
            o.RequestsPerSecond = 1000;
            o.Burst = 1000;
            configure?.Invoke(o);
        });
        return new NotionTestHost(services.BuildServiceProvider(), server, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
