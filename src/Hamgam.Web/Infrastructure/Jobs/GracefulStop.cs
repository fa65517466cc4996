namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>
/// Wraps Hangfire's server so that a shutdown whose grace period runs out ends quietly instead of failing the
/// whole host stop: the host has stopped waiting, and a job cut short is run again once its lock expires.
/// </summary>
internal sealed class GracefulStop(IHostedService inner) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.StopAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host gave up waiting for running jobs; see the summary.
        }
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
