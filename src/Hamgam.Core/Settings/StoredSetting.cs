namespace Hamgam.Core.Settings;

/// <summary>
/// A value the user saved on the settings page (a schedule, a property name). It wins over configuration and
/// survives restarts; deleting it falls back to configuration. Never a secret.
/// </summary>
public sealed class StoredSetting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
