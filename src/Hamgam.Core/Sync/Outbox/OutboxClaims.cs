using Hamgam.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Outbox;

/// <summary>
/// Claims a record's pending outbox entries for one pusher, atomically in the database, so that two pushers — two
/// processes on one PostgreSQL, or the CLI beside a running server — never send the same entries. A claim is a lease:
/// a pusher that dies mid-send leaves the record to the next pusher once <see cref="OutboxEntry.ClaimedUntil"/> passes,
/// or at once when the next pusher runs on the same machine and sees that the claiming process is gone (a killed CLI,
/// a crashed server): the owner names its machine, process id and process start time.
/// </summary>
public sealed class OutboxClaims(IDbContextFactory<HamgamDb> factory, TimeProvider time)
{
    /// <summary>Long enough for one record's requests with the client's retries; short enough that a crash costs little.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(2);

    private static readonly string ThisProcess = ProcessName(Environment.MachineName, Environment.ProcessId, StartedAt(Environment.ProcessId));

    /// <summary>A new owner name for <see cref="OutboxEntry.ClaimedBy"/>: this machine and process, and a unique part.</summary>
    public static string NewOwner() => $"{ThisProcess}:{Guid.NewGuid():N}"[..Math.Min(64, ThisProcess.Length + 17)];

    /// <summary>True when <paramref name="owner"/> was a process of this machine that is no longer running.</summary>
    public static bool IsGoneFromThisMachine(string owner)
    {
        var parts = owner.Split(':');
        if (parts.Length < 4 || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var started)
            || ProcessName(Environment.MachineName, pid, started) != $"{parts[0]}:{parts[1]}:{parts[2]}")
        {
            return false;
        }

        // A process id can be reused: the same id started at another time is another process.
        return StartedAt(pid) is not { } now || Math.Abs(now - started) > 2_000;
    }

    private static string ProcessName(string machine, int pid, long? startedAt) =>
        $"{machine[..Math.Min(machine.Length, 20)].Replace(':', '_')}:{pid.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{(startedAt ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>When the process started (Unix milliseconds), or null when there is no such process.</summary>
    private static long? StartedAt(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Claims every pending entry of the record. True when this owner now holds all of them and they include
    /// <paramref name="expected"/> (the entries the caller planned to send); otherwise nothing stays claimed.
    /// </summary>
    public async Task<bool> TryClaimAsync(
        EntityKind kind, Guid entityId, IReadOnlyCollection<long> expected, string owner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        if (await TryClaimOnceAsync(kind, entityId, expected, owner, lease, cancellationToken))
        {
            return true;
        }

        // Held by a process of this machine that has died (killed mid-push)? Its lease need not be waited out.
        return await ReleaseDeadHoldersAsync(kind, entityId, owner, cancellationToken)
            && await TryClaimOnceAsync(kind, entityId, expected, owner, lease, cancellationToken);
    }

    private async Task<bool> ReleaseDeadHoldersAsync(EntityKind kind, Guid entityId, string owner, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var holders = await db.Outbox.AsNoTracking()
            .Where(o => o.EntityKind == kind && o.EntityId == entityId && o.State == OutboxState.Pending && o.ClaimedBy != null && o.ClaimedBy != owner)
            .Select(o => o.ClaimedBy!).Distinct().ToListAsync(cancellationToken);
        var released = false;
        foreach (var dead in holders.Where(IsGoneFromThisMachine))
        {
            released |= await db.Outbox
                .Where(o => o.EntityKind == kind && o.EntityId == entityId && o.ClaimedBy == dead)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, (string?)null).SetProperty(o => o.ClaimedUntil, (DateTimeOffset?)null), cancellationToken) > 0;
        }

        return released;
    }

    private async Task<bool> TryClaimOnceAsync(
        EntityKind kind, Guid entityId, IReadOnlyCollection<long> expected, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + lease;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // One conditional UPDATE: the database serialises it against another pusher's, so each free entry goes to one owner.
        await db.Outbox
            .Where(o => o.EntityKind == kind && o.EntityId == entityId && o.State == OutboxState.Pending
                && (o.ClaimedUntil == null || o.ClaimedUntil < now || o.ClaimedBy == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, owner).SetProperty(o => o.ClaimedUntil, until), cancellationToken);
        var pending = await db.Outbox.AsNoTracking()
            .Where(o => o.EntityKind == kind && o.EntityId == entityId && o.State == OutboxState.Pending)
            .Select(o => new { o.Id, o.ClaimedBy })
            .ToListAsync(cancellationToken);
        var mine = pending.Where(p => p.ClaimedBy == owner).Select(p => p.Id).ToHashSet();
        if (mine.Count == pending.Count && expected.All(mine.Contains))
        {
            return true;
        }

        // Another pusher holds part of the record (or already sent what we planned): it is theirs this time.
        await ReleaseAsync(kind, entityId, owner, cancellationToken);
        return false;
    }

    /// <summary>Lets go of this owner's claim on the record's entries, whatever state they ended in.</summary>
    public async Task ReleaseAsync(EntityKind kind, Guid entityId, string owner, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Outbox
            .Where(o => o.EntityKind == kind && o.EntityId == entityId && o.ClaimedBy == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, (string?)null).SetProperty(o => o.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
    }
}
