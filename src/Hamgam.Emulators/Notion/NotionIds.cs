using System.Globalization;
using System.Security.Cryptography;

namespace Hamgam.Emulators.Notion;

/// <summary>Notion ids: accepted with or without dashes, always answered dashed and lower-case.</summary>
internal static class NotionIds
{
    private const string PropertyIdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:;?@[]^_`{|}~=<>";

    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return Format(Convert.ToHexStringLower(bytes));
    }

    public static string NewPropertyId()
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = PropertyIdAlphabet[RandomNumberGenerator.GetInt32(PropertyIdAlphabet.Length)];
        }
        return Uri.EscapeDataString(new string(chars));
    }

    /// <summary>Normalizes an id to its dashed form, or returns null when it is not a Notion-valid uuid.</summary>
    public static string? Normalize(string? raw)
    {
        if (raw is null)
        {
            return null;
        }
        var hex = raw.Replace("-", "", StringComparison.Ordinal);
        if (hex.Length != 32 || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }
        hex = hex.ToLowerInvariant();
        var isNil = hex.All(c => c == '0');
        // Notion rejects ids whose variant nibble is not RFC 4122 (recording 23), but accepts the nil uuid (recording 06).
        if (!isNil && "89ab".IndexOf(hex[16], StringComparison.Ordinal) < 0)
        {
            return null;
        }
        return Format(hex);
    }

    public static string Compact(string dashedId) => dashedId.Replace("-", "", StringComparison.Ordinal);

    public static bool IsUuidLike(string raw) =>
        raw.Replace("-", "", StringComparison.Ordinal).Length == 32;

    private static string Format(string hex) =>
        string.Create(CultureInfo.InvariantCulture, $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
}
