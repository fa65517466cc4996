namespace Hamgam.Core.Data;

/// <summary>A small piece of state Hamgam keeps about itself (never a secret in clear: only hashes).</summary>
public sealed class AppSetting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
