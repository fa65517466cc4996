using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Live;

/// <summary>Whether Hamgam is in use: a dashboard page is open (a live circuit), or an authenticated API request came in lately.</summary>
public sealed class UsageTracker(IOptions<LiveOptions> options, TimeProvider time)
{
    private int _circuits;
    private long _lastApiTicks;

    public int OpenPages => Volatile.Read(ref _circuits);

    public bool InUse =>
        OpenPages > 0 || time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastApiTicks) < options.Value.ActiveWindow.Ticks;

    public void ApiRequestSeen() => Interlocked.Exchange(ref _lastApiTicks, time.GetUtcNow().UtcTicks);

    internal void CircuitOpened() => Interlocked.Increment(ref _circuits);

    internal void CircuitClosed() => Interlocked.Decrement(ref _circuits);

    /// <summary>Counts open dashboard pages (Blazor circuits).</summary>
    internal sealed class CircuitCounter(UsageTracker tracker) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            tracker.CircuitOpened();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            tracker.CircuitClosed();
            return Task.CompletedTask;
        }
    }
}
