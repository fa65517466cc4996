using Hamgam.Web.Infrastructure.Localization;

namespace Hamgam.Web.Features.Settings;

/// <summary>The outcome of a "test connection": whether it answered, and what it said (never a secret).</summary>
public sealed record ConnectionResult(bool Ok, string Message);

/// <summary>
/// A service the settings page can test ("Notion", "Sheets"). The integrator registers one per connection; until then
/// the page shows the configuration only and the test button says why it is off.
/// </summary>
public interface IConnectionCheck
{
    /// <summary>"Notion" or "Sheets".</summary>
    string Name { get; }

    /// <summary>Tests the connection and answers in the page's language.</summary>
    Task<ConnectionResult> TestAsync(Ui ui, CancellationToken cancellationToken = default);
}

/// <summary>What the settings page shows of the configuration: presence of secrets, never their values.</summary>
public sealed class ConnectionSettings
{
    public NotionSection Notion { get; set; } = new();

    public SheetsSection Sheets { get; set; } = new();

    public SyncSection Sync { get; set; } = new();

    public sealed class NotionSection
    {
        public string? Token { get; set; }

        public string? BaseUrl { get; set; }

        public string? Version { get; set; }

        public Dictionary<string, string?> Databases { get; set; } = [];

        /// <summary>Property-name overrides by entity, e.g. Tasks:Status → "وضعیت".</summary>
        public Dictionary<string, Dictionary<string, string?>> Properties { get; set; } = [];
    }

    public sealed class SheetsSection
    {
        public string? SpreadsheetId { get; set; }

        public string? CredentialsFile { get; set; }
    }

    public sealed class SyncSection
    {
        public string? TimeZone { get; set; }

        public double? RequestsPerSecond { get; set; }

        public Dictionary<string, string?> Schedules { get; set; } = [];
    }
}
