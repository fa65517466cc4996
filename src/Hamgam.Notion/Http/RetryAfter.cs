using System.Globalization;

namespace Hamgam.Notion;

/// <summary>Reads <c>Retry-After</c> as seconds or as an HTTP date (relative to the injected clock).</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider time)
    {
        if (response is null)
        {
            return null;
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return NotNegative(delta);
        }

        if (header?.Date is { } date)
        {
            return NotNegative(date - time.GetUtcNow());
        }

        // Tolerate fractional seconds ("1.5"), which the typed header parser rejects.
        return response.Headers.NonValidated.TryGetValues("Retry-After", out var values) &&
            double.TryParse(values.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) &&
            seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : null;
    }

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
