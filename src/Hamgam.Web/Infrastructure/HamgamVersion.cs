using System.Reflection;

namespace Hamgam.Web.Infrastructure;

/// <summary>This build's version: the release number from CHANGELOG.md and, when built from git, its short commit.</summary>
public static class HamgamVersion
{
    /// <summary>For example <c>0.2.0+69479f0</c>.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(HamgamVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        // The SDK appends the full 40-character commit; seven are enough to name it.
        return plus >= 0 && informational.Length > plus + 8 ? informational[..(plus + 8)] : informational;
    }
}
