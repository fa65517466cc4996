using Hamgam.Core.Data;

namespace Hamgam.Core.Sync.Outbox;

public enum OutboxOperation
{
    Create,
    Update,
    Delete,
}

public enum OutboxState
{
    Pending,
    Done,
    Failed,
    Discarded,
}

/// <summary>
/// One local change waiting to reach Notion, written in the same transaction as the change itself.
/// The pusher coalesces the pending entries of one record into a single request.
/// </summary>
public sealed class OutboxEntry
{
    /// <summary>Monotonic sequence: the order changes were made in.</summary>
    public long Id { get; set; }

    public EntityKind EntityKind { get; set; }

    public Guid EntityId { get; set; }

    public OutboxOperation Operation { get; set; }

    /// <summary>JSON object of field → canonical value for the fields this change touched.</summary>
    public string Fields { get; set; } = "{}";

    public OutboxState State { get; set; }

    /// <summary>Interactive edits (0) go before background work such as recurring instances (1).</summary>
    public int Priority { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>When a request for this entry was last sent (written before sending: a create with this set may already exist in Notion).</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>When a request for this entry last failed in a way worth retrying (the backoff counts from here).</summary>
    public DateTimeOffset? LastFailedAt { get; set; }

    /// <summary>Notion's message for the last failed attempt (never contents or secrets).</summary>
    public string? LastError { get; set; }

    /// <summary>The pusher that holds this record's entries now (see <see cref="OutboxClaims"/>); null when none does.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When the claim lapses: a pusher that died mid-send leaves its entries to another one after this.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
