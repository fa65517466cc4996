namespace Hamgam.Notion;

/// <summary>Settings of <see cref="NotionClient"/> (configuration section <c>Notion</c> in the app).</summary>
public sealed class NotionClientOptions
{
    /// <summary>The API root; the emulator's address in tests and demo mode.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.notion.com/");

    /// <summary>The integration token. Never logged.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>The <c>Notion-Version</c> header.</summary>
    public string Version { get; set; } = "2026-03-11";

    /// <summary>Average requests per second allowed for one token (shared by every client using it).</summary>
    public double RequestsPerSecond { get; set; } = 3;

    /// <summary>
    /// How many requests may go at once after a quiet period. Notion allows bursts above its 3-per-second average (its
    /// newer limits are a per-minute budget that "can be spent in a burst"). 8 stays far inside one minute's budget and
    /// a little under a server bucket of 10, so the client's and the server's clocks drifting apart does not cost a 429.
    /// </summary>
    public int Burst { get; set; } = 8;

    /// <summary>Retries after the first attempt for retryable failures.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first backoff delay when the server gives no <c>Retry-After</c>; it doubles per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A <c>Retry-After</c> longer than this is not waited out inside the call: the
    /// <see cref="NotionApiException"/> carries it so the caller can reschedule.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The timeout of one attempt (Notion itself gives up after 60 s). Time spent waiting for
    /// the rate limiter is not counted.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(70);

    /// <summary>Checks the settings.</summary>
    /// <returns>The first problem found, or <see langword="null"/> when the settings are usable.</returns>
    public string? Validate() =>
        !BaseUrl.IsAbsoluteUri ? "BaseUrl must be absolute."
        : string.IsNullOrWhiteSpace(Version) ? "Version is required."
        : RequestsPerSecond is <= 0 or > 1000 ? "RequestsPerSecond must be in (0, 1000]."
        : Burst is < 1 or > 1000 ? "Burst must be in [1, 1000]."
        : MaxRetries is < 0 or > 20 ? "MaxRetries must be in [0, 20]."
        : RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay ? "RetryBaseDelay must be positive and not above RetryMaxDelay."
        : Timeout <= TimeSpan.Zero ? "Timeout must be positive."
        : null;
}
