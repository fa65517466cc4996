namespace Hamgam.Sheets;

/// <summary>Settings of <see cref="SheetsClient"/>, bound from the <c>Sheets</c> configuration section by the host.</summary>
public sealed class SheetsClientOptions
{
    /// <summary>The API root; the emulator's <c>BaseUrl</c> in tests and demo mode.</summary>
    public Uri BaseUrl { get; set; } = new("https://sheets.googleapis.com/");

    /// <summary>A service-account key file's contents. Takes precedence over <see cref="CredentialsFile"/>.</summary>
    public string? CredentialsJson { get; set; }

    /// <summary>The path of a service-account key file. Its <c>token_uri</c> is honoured.</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>OAuth scopes requested for the service account.</summary>
    public IReadOnlyList<string> Scopes { get; set; } = ["https://www.googleapis.com/auth/spreadsheets"];

    /// <summary>Retries after the first attempt for 429, 408, 5xx and network failures.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>The cap of the exponential backoff (Google suggests 32–64 s).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>How long one attempt may take before it is abandoned (and retried if that is safe).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The least wait after a 429: per-user quotas refill per minute.</summary>
    public TimeSpan QuotaBackoff { get; set; } = TimeSpan.FromSeconds(60);
}
