using Hamgam.Core.Data;
using Hamgam.Core.Settings;

namespace Hamgam.Core.Sync;

/// <summary>The <c>Notion</c> configuration section: which data sources to sync, how, and under which names.</summary>
public sealed class NotionSyncOptions
{
    public const string Section = "Notion";

    /// <summary>The integration token (secret; never logged). Without one Hamgam runs its demo.</summary>
    public string? Token { get; set; }

    public Uri BaseUrl { get; set; } = new("https://api.notion.com/");

    public string Version { get; set; } = "2026-03-11";

    public double RequestsPerSecond { get; set; } = 3;

    /// <summary>Requests that may go at once after a quiet spell (the client's token bucket size).</summary>
    public int Burst { get; set; } = 8;

    /// <summary>A database id or a data source id for each entity (dashes optional, URLs accepted).</summary>
    public NotionDatabaseIds Databases { get; set; } = new();

    /// <summary>Notion property names by entity and field, overriding PRODUCT.md's defaults, e.g. Properties:Tasks:status = "وضعیت".</summary>
    public Dictionary<string, Dictionary<string, string>> Properties { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Names saved on the settings page (in the database); they win over <see cref="Properties"/>. Set by
    /// <see cref="SettingsSetup.AddHamgamSettings"/>, never bound from configuration; null where nothing is saved (tests).
    /// </summary>
    public SavedPropertyNames? Saved { get; set; }

    public PullScopeOptions Scope { get; set; } = new();

    /// <summary>Incremental pulls re-read this much before the last edit seen (minute-rounded timestamps, clock skew).</summary>
    public int OverlapMinutes { get; set; } = 2;

    /// <summary>A pull that would delete more than this fraction of an entity's rows halts and asks.</summary>
    public double MassDeleteFraction { get; set; } = 0.5;

    /// <summary>Below this many rows the mass-delete halt does not apply (deleting 2 of 3 test rows is not a disaster).</summary>
    public int MassDeleteMinimumRows { get; set; } = 10;

    /// <summary>
    /// After each incremental pull, one search of Notion's trash (newest first, only back to the pull cursor) turns pages
    /// trashed since into tombstones at once, instead of at the next full pull.
    /// </summary>
    public bool CheckTrashEveryPoll { get; set; } = true;

    /// <summary>
    /// With <see cref="CheckTrashEveryPoll"/>, how often a second search (recently edited pages, newest first) looks for
    /// pages moved out of the four data sources; they become local tombstones. Each costs one request, so by default it
    /// runs on the idle schedule (every 5 minutes) rather than on every 30-second poll, keeping active polling within
    /// 6 % of Notion's budget; page.moved webhooks and moves between the four data sources are seen at once anyway.
    /// Zero: every poll. Negative (<c>-00:00:01</c>): never; the full pull notices moves.
    /// </summary>
    public TimeSpan CheckMovesEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a pull re-lists everything to notice pages trashed or moved in Notion, as a backstop
    /// (queries never return trashed pages; search lags, and pages purged from the trash vanish).</summary>
    public TimeSpan FullPullEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a pusher holds a record's outbox entries; after a crash, another pusher takes them once this passes.</summary>
    public TimeSpan PushLease { get; set; } = Outbox.OutboxClaims.DefaultLease;

    public string? DatabaseFor(EntityKind kind) => kind switch
    {
        EntityKind.Task => Databases.Tasks,
        EntityKind.Project => Databases.Projects,
        EntityKind.Habit => Databases.Habits,
        _ => Databases.DailyLogs,
    };

    /// <summary>The Notion property a field binds to: the name saved on the settings page, else configuration, else the default.</summary>
    public string PropertyName(EntityKind kind, string field, string defaultName) =>
        Saved?.Current.Find(kind, field) ?? ConfiguredPropertyName(kind, field, defaultName);

    /// <summary>The property name from configuration (<see cref="Properties"/>), else <paramref name="defaultName"/>.</summary>
    public string ConfiguredPropertyName(EntityKind kind, string field, string defaultName) =>
        Properties.TryGetValue(kind.ToString(), out var map) && map.TryGetValue(field, out var name) && !string.IsNullOrWhiteSpace(name)
            ? name
            : Properties.TryGetValue(kind + "s", out var plural) && plural.TryGetValue(field, out var n2) && !string.IsNullOrWhiteSpace(n2) ? n2 : defaultName;
}

public sealed class NotionDatabaseIds
{
    public string? Tasks { get; set; }

    public string? Projects { get; set; }

    public string? Habits { get; set; }

    public string? DailyLogs { get; set; }
}

/// <summary>What a pull brings in (the seed's filters, as defaults).</summary>
public sealed class PullScopeOptions
{
    /// <summary>The Status value that means done.</summary>
    public string TaskDoneStatus { get; set; } = "Done";

    /// <summary>
    /// The Status values that mean done when Status is a select (a status property's "Complete" group decides
    /// otherwise); setting one stamps Completed Date. An array, so configuration replaces the default.
    /// </summary>
    public string[] TaskDoneStatuses { get; set; } = ["Done"];

    /// <summary>Done tasks are pulled while their Completed Date is this recent; null pulls every task.</summary>
    public int? DoneTaskWindowDays { get; set; } = 7;

    /// <summary>Only habits with this Status are pulled; empty pulls every habit.</summary>
    public string? ActiveHabitStatus { get; set; } = "🎯 Active";
}
