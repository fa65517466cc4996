namespace Hamgam.Core.Settings;

/// <summary>
/// A value the user saved on the settings page (a schedule, a property name). It wins over configuration and
/// survives restarts; deleting it falls back to configuration. Never a secret, but for the webhook's verification
/// token (<see cref="WebhookTokens"/>), which signatures are checked with and so must be kept as it is.
/// </summary>
public sealed class StoredSetting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
