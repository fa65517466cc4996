using System.Security.Cryptography;
using System.Text;
using Hamgam.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>The key's SHA-256 and the session epoch; together they give the stamp every session must carry.</summary>
public sealed record KeyState(byte[] Hash, long Epoch)
{
    /// <summary>Changes whenever the key changes or every session is ended (the epoch moves on).</summary>
    public string SessionStamp { get; } = Convert.ToHexString(
        SHA256.HashData([.. Hash, .. BitConverter.GetBytes(Epoch), .. "hamgam.session"u8]))[..32];
}

/// <summary>
/// Knows the SHA-256 of the one API key and checks presented keys against it in constant time. The key itself is
/// never stored or logged: a configured key stays in configuration; a generated one is written once to a 0600 file
/// in the data folder and only its hash is kept in the database. The state is re-read every few seconds, so a key
/// rotated by the <c>key</c> verb (another process) ends this process's sessions too.
/// </summary>
public sealed class ApiKeyVault(IOptions<AuthOptions> options, IOptions<DatabaseOptions> database, IDbContextFactory<HamgamDb> factory, TimeProvider time)
{
    public const string HashSetting = "auth.api_key_sha256";
    public const string EpochSetting = "auth.session_epoch";
    public const string KeyFileName = "api-key.txt";

    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private KeyState? _state;
    private DateTimeOffset _loadedAt;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.ApiKey);

    /// <summary>Where a generated key is written (0600 on Unix).</summary>
    public string KeyFile => Path.Combine(database.Value.ResolveDataDirectory(), KeyFileName);

    /// <summary>Loads or creates the key hash; returns the key file's path when a key was generated, else null.</summary>
    public async Task<string?> InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (IsConfigured || await Setting(db, HashSetting, cancellationToken) is not null)
        {
            await CurrentAsync(cancellationToken, force: true);
            return null;
        }

        await StoreNewKeyAsync(db, cancellationToken);
        return KeyFile;
    }

    /// <summary>The current key state, re-read from the database when older than a couple of seconds.</summary>
    public async Task<KeyState> CurrentAsync(CancellationToken cancellationToken, bool force = false)
    {
        if (!force && Volatile.Read(ref _state) is { } cached && time.GetUtcNow() - _loadedAt < Freshness)
        {
            return cached;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await Setting(db, HashSetting, cancellationToken);
        var hash = IsConfigured ? Hash(options.Value.ApiKey!) : stored is null ? [] : Convert.FromHexString(stored.Value);
        var epoch = long.TryParse((await Setting(db, EpochSetting, cancellationToken))?.Value, out var e) ? e : 0;
        var state = new KeyState(hash, epoch);
        _loadedAt = time.GetUtcNow();
        Volatile.Write(ref _state, state);
        return state;
    }

    public async Task<bool> VerifyAsync(string? presented, CancellationToken cancellationToken)
    {
        var state = await CurrentAsync(cancellationToken);
        return state.Hash.Length > 0 && !string.IsNullOrEmpty(presented)
            && CryptographicOperations.FixedTimeEquals(state.Hash, Hash(presented));
    }

    /// <summary>A new generated key (written to <see cref="KeyFile"/>); every session ends.</summary>
    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await StoreNewKeyAsync(db, cancellationToken);
    }

    /// <summary>Ends every dashboard session (the key stays).</summary>
    public async Task EndSessionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await BumpEpochAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await CurrentAsync(cancellationToken, force: true);
    }

    private async Task StoreNewKeyAsync(HamgamDb db, CancellationToken cancellationToken)
    {
        var key = "hg_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var hex = Convert.ToHexString(Hash(key));
        if (await Setting(db, HashSetting, cancellationToken) is { } stored)
        {
            stored.Value = hex;
        }
        else
        {
            db.AppSettings.Add(new AppSetting { Key = HashSetting, Value = hex });
        }

        await BumpEpochAsync(db, cancellationToken);
        await DataFolder.WriteSecretAsync(KeyFile, key + Environment.NewLine, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await CurrentAsync(cancellationToken, force: true);
    }

    private static async Task BumpEpochAsync(HamgamDb db, CancellationToken cancellationToken)
    {
        if (await Setting(db, EpochSetting, cancellationToken) is { } epoch)
        {
            epoch.Value = (long.Parse(epoch.Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            db.AppSettings.Add(new AppSetting { Key = EpochSetting, Value = "1" });
        }
    }

    private static Task<AppSetting?> Setting(HamgamDb db, string key, CancellationToken cancellationToken) =>
        db.AppSettings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim()));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
