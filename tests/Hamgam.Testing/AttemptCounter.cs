namespace Hamgam.Testing;

/// <summary>
/// Counts the HTTP attempts of a client and those that failed (an error status, or no answer at all). Added innermost in a
/// client's pipeline (after its retry handler), so every retry is one more attempt.
/// </summary>
public sealed class AttemptCounter
{
    private long _attempts;
    private long _failed;

    public long Attempts => Interlocked.Read(ref _attempts);

    public long Failed => Interlocked.Read(ref _failed);

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(AttemptCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._attempts);
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref counter._failed);
                }

                return response;
            }
            catch
            {
                Interlocked.Increment(ref counter._failed);
                throw;
            }
        }
    }
}
