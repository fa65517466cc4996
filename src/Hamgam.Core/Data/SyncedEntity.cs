namespace Hamgam.Core.Data;

/// <summary>
/// The columns every entity mirrored from a Notion data source carries: its identity in Notion,
/// what was last seen there, the merge baseline, a soft-delete marker and an optimistic-concurrency version.
/// </summary>
public abstract class SyncedEntity
{
    /// <summary>Local identity, assigned on construction (time-ordered) so an outbox entry can name a row before it is saved.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The Notion page id (dashed UUID); null until the page has been created in Notion.</summary>
    public string? NotionId { get; set; }

    public string? NotionUrl { get; set; }

    /// <summary>When this row last agreed with Notion (after a pull or a successful push).</summary>
    public DateTimeOffset? LastSynced { get; set; }

    /// <summary>The page's <c>last_edited_time</c> as Notion reported it (minute precision).</summary>
    public DateTimeOffset? NotionLastEditedTime { get; set; }

    /// <summary>Hash of the normalised Notion properties last applied, so unchanged pages cause no write.</summary>
    public string? ContentHash { get; set; }

    /// <summary>The last state both sides agreed on (JSON of field → canonical value): the merge baseline.</summary>
    public string? Baseline { get; set; }

    /// <summary>Tombstone: set when the row is deleted locally or its page was trashed in Notion.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token, incremented on every save of a modified row.</summary>
    public long Version { get; set; }

    public bool IsDeleted => DeletedAt is not null;
}
