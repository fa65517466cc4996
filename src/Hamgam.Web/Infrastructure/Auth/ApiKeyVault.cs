using System.Security.Cryptography;
using System.Text;
using Hamgam.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>
/// Knows the SHA-256 of the one API key and checks presented keys against it in constant time. The key itself is
/// never stored or logged: a configured key stays in configuration; a generated one is printed once and only its
/// hash is kept in the database.
/// </summary>
public sealed class ApiKeyVault(IOptions<AuthOptions> options, IDbContextFactory<HamgamDb> factory)
{
    public const string HashSetting = "auth.api_key_sha256";

    private byte[]? _hash;

    /// <summary>Loads or creates the key hash; returns the new key when one was generated (to show once), else null.</summary>
    public async Task<string?> InitializeAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ApiKey))
        {
            _hash = Hash(options.Value.ApiKey.Trim());
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await db.AppSettings.SingleOrDefaultAsync(s => s.Key == HashSetting, cancellationToken);
        if (stored is not null)
        {
            _hash = Convert.FromHexString(stored.Value);
            return null;
        }

        var key = "hg_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        _hash = Hash(key);
        db.AppSettings.Add(new AppSetting { Key = HashSetting, Value = Convert.ToHexString(_hash) });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public bool Verify(string? presented)
    {
        if (_hash is null || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(_hash, Hash(presented.Trim()));
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
