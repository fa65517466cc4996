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
/// in Settings.
/// </summary>
public sealed class WebhookTokens(IDbContextFactory<HamgamDb> factory, TimeProvider time)
{
    /// <summary>Tokens longer than this are refused: Notion's are about 70 characters.</summary>
    public const int MaxLength = 256;

    private const string ActiveKey = "webhook:notion:token";
    private const string VerifiedKey = "webhook:notion:verified";
    private const string PendingKey = "webhook:notion:pending";

    public async Task<WebhookTokenState> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith("webhook:notion:")).ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        return new WebhookTokenState(rows.GetValueOrDefault(ActiveKey), rows.ContainsKey(VerifiedKey), rows.GetValueOrDefault(PendingKey));
    }

    /// <summary>Keeps a token from Notion's verification request; false (nothing stored) for a value that cannot be a token.</summary>
    public async Task<bool> ReceiveAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length is 0 or > MaxLength || token.Any(char.IsControl) || token.Any(char.IsWhiteSpace))
        {
            return false;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var verified = await db.Settings.AnyAsync(s => s.Key == VerifiedKey, cancellationToken);
        await PutAsync(db, verified ? PendingKey : ActiveKey, token, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Records that a correctly signed event arrived, so the active token can no longer be replaced unasked.</summary>
    public async Task MarkVerifiedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await PutAsync(db, VerifiedKey, "true", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
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
    }

    /// <summary>Forgets every token: the next verification request is taken as the active one.</summary>
    public async Task ForgetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Settings.Where(s => s.Key.StartsWith("webhook:notion:")).ExecuteDeleteAsync(cancellationToken);
    }

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
