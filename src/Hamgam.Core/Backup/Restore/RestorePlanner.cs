using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Sheets;

namespace Hamgam.Core.Backup.Restore;

/// <summary>One row of the plan: its diff, the tracked local row it touches (null for a create) and the values to write.</summary>
public sealed record PlannedRestore(RestoreRowDiff Diff, SyncedEntity? Entity, IReadOnlyDictionary<string, string?> Values);

/// <summary>The plan for one tab: what each row would do, and the rows that could not be read.</summary>
public sealed record RestorePlan(RestoreTab Tab, int Rows, IReadOnlyList<PlannedRestore> Items, IReadOnlyList<RestoreProblem> Problems)
{
    /// <summary>The tab could not be read at all (no header, or a header that does not match).</summary>
    public static RestorePlan Failed(RestoreTab tab, RestoreProblem problem) => new(tab, 0, [], [problem]);
}

/// <summary>
/// The pure half of a restore: backup rows against the dashboard's rows, to a per-row, per-field difference.
/// Rows match by the id column, else by the tab's natural key, else they are new. Dashboard rows the backup does not
/// hold are reported, and deleted only with <c>deleteMissing</c> and only inside the backup's window.
/// </summary>
public static class RestorePlanner
{
    public static RestorePlan Plan(
        RestoreTab tab, IReadOnlyList<IReadOnlyList<SheetValue>>? cells, IReadOnlyList<SyncedEntity> locals, Func<SyncedEntity, bool> inWindow, bool deleteMissing)
    {
        if (cells is null || cells.Count == 0)
        {
            return RestorePlan.Failed(tab, new RestoreProblem(tab.Title, 1, null, "The tab is empty: it has no header row."));
        }

        if (RestoreHeader.Check(tab, cells[0], out var hasId) is { } headerProblem)
        {
            return RestorePlan.Failed(tab, headerProblem);
        }

        var matcher = new RestoreMatcher(tab, locals);
        var items = new List<PlannedRestore>();
        var problems = new List<RestoreProblem>();
        var rows = 0;
        for (var i = 1; i < cells.Count; i++)
        {
            if (cells[i].All(c => string.IsNullOrWhiteSpace(c.ToString())))
            {
                continue;
            }

            rows++;
            if (PlanRow(tab, i + 1, cells[i], hasId, matcher) is { } outcome)
            {
                if (outcome.Item is { } item)
                {
                    items.Add(item);
                }
                else
                {
                    problems.Add(outcome.Problem!);
                }
            }
        }

        items.AddRange(matcher.Unmatched(inWindow).Select(e => Missing(tab, e, deleteMissing)));
        return new RestorePlan(tab, rows, items, problems);
    }

    private static (PlannedRestore? Item, RestoreProblem? Problem)? PlanRow(
        RestoreTab tab, int rowNumber, IReadOnlyList<SheetValue> row, bool hasId, RestoreMatcher matcher)
    {
        var parsed = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var c = 0; c < tab.Columns.Count; c++)
        {
            var column = tab.Columns[c];
            var cell = c < row.Count ? row[c] : SheetValue.Empty;
            if (!RestoreCells.TryParse(column.Kind, cell, out var value, out var error))
            {
                return (null, new RestoreProblem(tab.Title, rowNumber, column.Header, error! + " The row was skipped."));
            }

            parsed[column.Header] = value;
        }

        Guid? id = null;
        var idCell = hasId && tab.Columns.Count < row.Count ? row[tab.Columns.Count].ToString().Trim() : "";
        if (idCell.Length > 0)
        {
            if (!Guid.TryParse(idCell, out var guid))
            {
                return (null, new RestoreProblem(tab.Title, rowNumber, BackupTabs.IdColumn, $"'{idCell}' is not a Hamgam id. The row was skipped."));
            }

            id = guid;
        }

        var key = tab.KeyColumns.Select(k => parsed[k]).ToList();
        var match = matcher.Match(id, key, rowNumber, out var firstRow);
        if (firstRow is { } earlier)
        {
            return (null, new RestoreProblem(tab.Title, rowNumber, null, $"This is the same record as row {earlier}. The row was skipped."));
        }

        var values = tab.Columns.Where(c => c.Field is not null).ToDictionary(c => c.Field!, c => parsed[c.Header], StringComparer.Ordinal);
        return match is null ? PlanCreate(tab, rowNumber, values) : (PlanExisting(tab, rowNumber, match, values), null);
    }

    private static (PlannedRestore?, RestoreProblem?) PlanCreate(RestoreTab tab, int rowNumber, Dictionary<string, string?> values)
    {
        var fields = EntityFields.For(tab.Kind);
        var title = fields.Fields.Single(f => f.Kind == FieldKind.Title);
        if (!values.TryGetValue(title.Name, out var name))
        {
            // The Daily Log tab has no Name column: a restored log is named by its date, as the seed's logs are.
            values[title.Name] = values[tab.TitleField] ?? "Daily Log";
        }
        else if (name is null)
        {
            var header = tab.Columns.First(c => c.Field == title.Name).Header;
            return (null, new RestoreProblem(tab.Title, rowNumber, header, $"{header} is empty, and a new record needs one. The row was skipped."));
        }

        var changes = tab.Columns.Where(c => c.Field is not null && values[c.Field] is not null)
            .Select(c => new RestoreFieldChange(c.Field!, c.Header, null, RestoreCells.Display(c.Kind, values[c.Field!])))
            .ToList();
        var diff = new RestoreRowDiff(rowNumber, null, values[tab.TitleField] ?? values[title.Name] ?? "", RestoreAction.Create, changes);
        return (new PlannedRestore(diff, null, values), null);
    }

    private static PlannedRestore PlanExisting(RestoreTab tab, int rowNumber, SyncedEntity entity, Dictionary<string, string?> values)
    {
        var fields = EntityFields.For(tab.Kind);
        var changes = new List<RestoreFieldChange>();
        var toWrite = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var column in tab.Columns.Where(c => c.Field is not null))
        {
            var old = fields.Find(column.Field!)!.Get(entity);
            var value = values[column.Field!];
            if (string.Equals(old, value, StringComparison.Ordinal) || (old is null && value == column.EmptyShownAs))
            {
                continue;
            }

            toWrite[column.Field!] = value;
            changes.Add(new RestoreFieldChange(column.Field!, column.Header, RestoreCells.Display(column.Kind, old), RestoreCells.Display(column.Kind, value)));
        }

        var action = entity.IsDeleted ? RestoreAction.Undelete : changes.Count > 0 ? RestoreAction.Update : RestoreAction.Unchanged;
        return new PlannedRestore(new RestoreRowDiff(rowNumber, entity.Id, Label(tab, entity), action, changes), entity, toWrite);
    }

    private static PlannedRestore Missing(RestoreTab tab, SyncedEntity entity, bool delete) => new(
        new RestoreRowDiff(null, entity.Id, Label(tab, entity), delete ? RestoreAction.Delete : RestoreAction.NotInBackup, []),
        entity,
        new Dictionary<string, string?>());

    private static string Label(RestoreTab tab, SyncedEntity entity) => EntityFields.For(tab.Kind).Find(tab.TitleField)!.Get(entity) ?? entity.Id.ToString("D");
}
