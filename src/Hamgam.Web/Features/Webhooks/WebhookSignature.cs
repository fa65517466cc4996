using System.Security.Cryptography;
using System.Text;

namespace Hamgam.Web.Features.Webhooks;

/// <summary>
/// <c>X-Notion-Signature: sha256=&lt;hex&gt;</c>: HMAC-SHA256 of the raw request body keyed with the subscription's
/// verification token (UTF-8). Checked on the bytes as received: re-serialized JSON would not verify.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Notion-Signature";

    private const string Prefix = "sha256=";

    /// <summary>The header value Notion sends for this body.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string token) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), body));

    /// <summary>True when <paramref name="header"/> is the body's signature; compared in constant time.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string token)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
