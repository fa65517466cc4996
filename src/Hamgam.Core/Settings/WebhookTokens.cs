using Hamgam.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Settings;

/// <summary>The Notion webhook's verification tokens as the settings table holds them.</summary>
/// <param name="Active">The token events must be signed with; null before Notion's first verification request.</param>
/// <param name="Verified">Whether an event signed with <paramref name="Active"/> has arrived (the user completed Notion's Verify step).</param>
/// <param name="Pending">A token from a verification request that came after verification; used only once the user accepts it.</param>
public sealed record WebhookTokenState(string? Active, bool Verified, string? Pending);

/// <summary>
/// Keeps the verification token of the Notion webhook subscription (a secret: it signs every event; never logged).
/// The verification endpoint is open to anyone who can reach it, so a token can replace another only while nothing
/// was verified with it; once events signed with the active token have arrived, a later verification request (a new
/// subscription, or someone else) is kept aside as <see cref="WebhookTokenState.Pending"/> until the user accepts it
/// in Settings. The state is cached for <see cref="CacheFor"/> (changes made here clear it at once), so a flood of
/// deliveries, signed or not, does not cost a database read each.
/// </summary>
public sealed class WebhookTokens(IDbContextFactory<HamgamDb> factory, TimeProvider time) : IDisposable
{
    /// <summary>How long another process's change (sharing PostgreSQL) may take to be seen here.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>Tokens longer than this are refused: Notion's are about 70 characters.</summary>
    public const int MaxLength = 256;

    private const string ActiveKey = "webhook:notion:token";
    private const string VerifiedKey = "webhook:notion:verified";
    private const string PendingKey = "webhook:notion:pending";

    // One load (or verified mark) at a time: a burst of deliveries reads the database once, not once each.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;
    private long _writes;

    public async Task<WebhookTokenState> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } state)
        {
            return state;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Fresh() ?? await LoadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private WebhookTokenState? Fresh() => _cached is { } cached && time.GetUtcNow() - cached.At < CacheFor ? cached.State : null;

    private async Task<WebhookTokenState> LoadAsync(CancellationToken cancellationToken)
    {
        // A write made while this read runs must not be hidden by caching what the read saw before it.
        var writes = Interlocked.Read(ref _writes);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith("webhook:notion:")).ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var state = new WebhookTokenState(rows.GetValueOrDefault(ActiveKey), rows.ContainsKey(VerifiedKey), rows.GetValueOrDefault(PendingKey));
        if (Interlocked.Read(ref _writes) == writes)
        {
            _cached = new Cached(state, time.GetUtcNow());
        }

        return state;
    }

    /// <summary>Keeps a token from Notion's verification request; false (nothing stored) for a value that cannot be a token.</summary>
    public async Task<bool> ReceiveAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length is 0 or > MaxLength || token.Any(char.IsControl) || token.Any(char.IsWhiteSpace))
        {
            return false;
        }

        Forget();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var verified = await db.Settings.AnyAsync(s => s.Key == VerifiedKey, cancellationToken);
        await PutAsync(db, verified ? PendingKey : ActiveKey, token, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Forget();
        return true;
    }

    /// <summary>Records that a correctly signed event arrived, so the active token can no longer be replaced unasked.</summary>
    public async Task MarkVerifiedAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is not { Verified: true })
            {
                await WriteVerifiedAsync(cancellationToken);
                await LoadAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteVerifiedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await PutAsync(db, VerifiedKey, "true", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The first events often come together; another request marked it first, which is all that was wanted.
            await using var check = await factory.CreateDbContextAsync(cancellationToken);
            if (!await check.Settings.AnyAsync(s => s.Key == VerifiedKey, cancellationToken))
            {
                throw;
            }
        }

        Forget();
    }

    /// <summary>The user accepts the pending token: it becomes the active one, waiting for its first signed event.</summary>
    public async Task AcceptPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Settings.SingleOrDefaultAsync(s => s.Key == PendingKey, cancellationToken);
        if (pending is null)
        {
            return;
        }

        await PutAsync(db, ActiveKey, pending.Value, cancellationToken);
        await PutAsync(db, VerifiedKey, null, cancellationToken);
        db.Settings.Remove(pending);
        await db.SaveChangesAsync(cancellationToken);
        Forget();
    }

    /// <summary>Forgets every token: the next verification request is taken as the active one.</summary>
    public async Task ForgetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Settings.Where(s => s.Key.StartsWith("webhook:notion:")).ExecuteDeleteAsync(cancellationToken);
        Forget();
    }

    public void Dispose() => _gate.Dispose();

    private void Forget()
    {
        Interlocked.Increment(ref _writes);
        _cached = null;
    }

    private sealed record Cached(WebhookTokenState State, DateTimeOffset At);

    private async Task PutAsync(HamgamDb db, string key, string? value, CancellationToken cancellationToken)
    {
        var row = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (value is null)
        {
            if (row is not null)
            {
                db.Settings.Remove(row);
            }

            return;
        }

        if (row is null)
        {
            db.Settings.Add(new StoredSetting { Key = key, Value = value, UpdatedAt = time.GetUtcNow() });
        }
        else if (row.Value != value)
        {
            row.Value = value;
            row.UpdatedAt = time.GetUtcNow();
        }
    }
}
