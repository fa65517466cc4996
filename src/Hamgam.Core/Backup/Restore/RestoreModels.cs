using Hamgam.Core.Data;
using Hamgam.Core.Runs;

namespace Hamgam.Core.Backup.Restore;

/// <summary>
/// How to restore: one tab (<see cref="BackupTabs.Titles"/>) or all four; <see cref="DryRun"/> only reports the difference;
/// <see cref="DeleteMissing"/> deletes local rows inside the backup's window that the tab does not hold.
/// </summary>
public sealed record RestoreRequest(string? Tab = null, bool DryRun = false, bool DeleteMissing = false, string Trigger = "manual");

public enum RestoreAction
{
    /// <summary>The row is not in the dashboard: it is created.</summary>
    Create,

    /// <summary>Some restorable fields differ: they are set to the backed-up values.</summary>
    Update,

    /// <summary>The row was deleted in the dashboard since the backup: it comes back with the backed-up values.</summary>
    Undelete,

    /// <summary>The row equals the backup in every column the backup holds.</summary>
    Unchanged,

    /// <summary>A dashboard row inside the backup's window that the backup does not hold; kept unless DeleteMissing.</summary>
    NotInBackup,

    /// <summary>A row not in the backup that DeleteMissing deletes.</summary>
    Delete,
}

/// <summary>One field a restore sets, with the values as the backup shows them (lists "a, b", checkboxes Yes/No).</summary>
public sealed record RestoreFieldChange(string Field, string Column, string? Old, string? New);

/// <summary>
/// One row of the difference. <see cref="Row"/> is the sheet's row number (1 is the header), or null for a dashboard row
/// the backup does not hold; <see cref="Label"/> is the row's name or date, for people.
/// </summary>
public sealed record RestoreRowDiff(int? Row, Guid? EntityId, string Label, RestoreAction Action, IReadOnlyList<RestoreFieldChange> Changes);

/// <summary>A row (or a whole tab) that could not be restored; the rest of the restore went on.</summary>
public sealed record RestoreProblem(string Tab, int? Row, string? Column, string Message)
{
    public override string ToString() =>
        $"{Tab}{(Row is { } r ? $", row {r}" : "")}{(Column is { } c ? $", column \"{c}\"" : "")}: {Message}";
}

/// <summary>The difference for one tab, and (unless a dry run) what was applied.</summary>
public sealed record RestoreTabReport(string Tab, EntityKind Kind, int Rows, IReadOnlyList<RestoreRowDiff> Diffs)
{
    public int Count(RestoreAction action) => Diffs.Count(d => d.Action == action);
}

/// <summary>The result of a restore run.</summary>
public sealed record RestoreReport(
    long RunId, bool DryRun, SyncRunStatus Status, int SheetsRequests, IReadOnlyList<RestoreTabReport> Tabs, IReadOnlyList<RestoreProblem> Problems)
{
    /// <summary>Rows created, updated, undeleted or deleted (or that would be, in a dry run).</summary>
    public int Changes => Tabs.Sum(t => t.Diffs.Count(d => d.Action is RestoreAction.Create or RestoreAction.Update or RestoreAction.Undelete or RestoreAction.Delete));
}
