using Hamgam.Core.Backup;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Faults;

/// <summary>What must hold after a fault run has settled: Notion, the database and the backup agree exactly; nothing twice; every due conflict in the inbox.</summary>
internal static class FaultRunAgreement
{
    public static async Task<(int Conflicts, int Required)> AssertAsync(FaultRunHarness h, ConflictLedger ledger)
    {
        await using var db = h.Notion.Db.CreateContext();
        var outbox = await db.Outbox.Where(o => o.State == OutboxState.Pending || o.State == OutboxState.Failed).ToListAsync();
        Assert.True(outbox.Count == 0, "left in the outbox: " + string.Join("; ", outbox.Select(o => $"{o.Operation} {o.EntityId} {o.State} {o.LastError}")));

        var rows = await db.Tasks.AsNoTracking().ToListAsync();
        var all = await db.Tasks.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var projects = await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.NotionId!, p => p.Id);
        var pages = h.Notion.Notion.ListPages(h.Notion.Databases.Tasks.DataSourceId);
        var titles = pages.Select(TaskPageValues.Title).ToList();
        Assert.True(titles.Count == titles.Distinct().Count(), "a title twice in Notion: " + string.Join(", ", titles.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key)));
        Assert.DoesNotContain(rows, r => r.NotionId is null);
        Assert.Equal(rows.Count, rows.Select(r => r.NotionId).Distinct().Count());
        Assert.Equal(pages.Select(p => p["id"]!.GetValue<string>()).Order(), rows.Select(r => r.NotionId!).Order());

        foreach (var row in rows)
        {
            var page = pages.Single(p => p["id"]!.GetValue<string>() == row.NotionId);
            var expected = TaskPageValues.Read(page, projects);
            var actual = EntityFields.Tasks.Snapshot(row);
            var differences = expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key}: notion '{e.Value}' db '{actual.GetValueOrDefault(e.Key)}'").ToList();
            Assert.True(differences.Count == 0, $"task {row.Id} ({row.NotionId}) differs: {string.Join("; ", differences)}; baseline {row.Baseline}; " +
                $"hash {(row.ContentHash is null ? "none" : "set")}; edited {row.NotionLastEditedTime:O}; notion edited {page["last_edited_time"]}; history: " +
                string.Join(", ", db.Outbox.Where(o => o.EntityId == row.Id).OrderBy(o => o.Id).AsEnumerable().Select(o => $"{o.Operation}/{o.State}/a{o.Attempts}/{o.Fields}")) +
                "; conflicts: " + string.Join(", ", db.Conflicts.Where(c => c.EntityId == row.Id).AsEnumerable().Select(c => $"{c.Field}:{c.LocalValue}->{c.RemoteValue}")));
        }

        AssertBackup(h, rows);
        return (await AssertConflictsAsync(db, ledger, all), ledger.Required(all.ToDictionary(r => r.Id, r => r.NotionId)).Count);
    }

    private static void AssertBackup(FaultRunHarness h, List<Hamgam.Core.Tasks.TaskItem> rows)
    {
        var expected = BackupTabs.ForTasks(rows).Rows.Select(r => string.Join("\u241F", r.Select(c => c.Text ?? c.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""))).Order(StringComparer.Ordinal).ToList();
        var cells = h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.BrainDump);
        Assert.Equal(BackupTabs.BrainDumpHeader, cells[0]);
        var width = BackupTabs.BrainDumpHeader.Length;
        var actual = cells[1..].Where(r => r.Any(c => c.Length > 0))
            .Select(r => string.Join("\u241F", Enumerable.Range(0, width).Select(i => i < r.Length ? r[i] : ""))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, actual.Count);
        var missing = expected.Except(actual).ToList();
        Assert.True(missing.Count == 0, "backup rows differ from the database: " + string.Join(" | ", missing.Take(3)));
    }

    private static async Task<int> AssertConflictsAsync(Hamgam.Core.Data.HamgamDb db, ConflictLedger ledger, List<Hamgam.Core.Tasks.TaskItem> all)
    {
        var pageOf = all.ToDictionary(r => r.Id, r => r.NotionId);
        var conflicts = await db.Conflicts.AsNoTracking().ToListAsync();
        var unexplained = conflicts.Where(c => !ledger.Explains(c.EntityId, c.Field, pageOf.GetValueOrDefault(c.EntityId))).ToList();
        var debug = string.Join(" || ", unexplained.Select(u => string.Join(", ", db.Outbox.Where(o => o.EntityId == u.EntityId).OrderBy(o => o.Id).AsEnumerable().Select(o => $"{o.Id}:{o.Operation}/{o.State}/a{o.Attempts}/{o.Fields.Length}")) + " conflicts: " + string.Join(",", conflicts.Where(c => c.EntityId == u.EntityId).Select(c => c.Field + "@" + c.DetectedAt.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))) + " deleted=" + all.Single(r => r.Id == u.EntityId).IsDeleted));
        Assert.True(unexplained.Count == 0, "conflicts no both-sides edit explains: " + string.Join("; ", unexplained.Select(c => $"{c.EntityId} {c.Field} base '{c.BaseValue}' local '{c.LocalValue}' notion '{c.RemoteValue}'")) + " history: " + debug);
        var found = conflicts.Select(c => (c.EntityId, c.Field)).ToHashSet();
        var lost = ledger.Required(pageOf).Where(r => !found.Contains(r)).ToList();
        Assert.True(lost.Count == 0, "both-sides edits with no conflict in the inbox: " + string.Join("; ", lost.Select(l => $"{l.Id} {l.Field}")));
        return conflicts.Count;
    }
}
