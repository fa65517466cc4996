using Hamgam.Core.Data;

namespace Hamgam.Core.Sync.Cursors;

/// <summary>Where the incremental pull of one data source stands.</summary>
public sealed class SyncCursor
{
    public EntityKind EntityKind { get; set; }

    public string DataSourceId { get; set; } = "";

    /// <summary>The id as configured (database or data source); when it changes, the data source is resolved again.</summary>
    public string? ConfiguredId { get; set; }

    /// <summary>The newest <c>last_edited_time</c> (minute) applied; the next pull asks on or after it minus an overlap.</summary>
    public DateTimeOffset? LastEditedTime { get; set; }

    public DateTimeOffset? LastFullPullAt { get; set; }

    /// <summary>Remembered property ids by logical field, so a property renamed in Notion keeps syncing.</summary>
    public string? PropertyIds { get; set; }
}
