using System.Globalization;
using System.Text.Json.Nodes;
using Hamgam.Core.Backup;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.IntegrationTests.Faults;

/// <summary>The end state the fault test demands: Notion, the database and the backup agree, with nothing doubled or lost.</summary>
internal static class FaultAgreement
{
    /// <summary>No title twice among live rows, in the database or in Notion; no Notion page held by two rows.</summary>
    public static async Task AssertNoDuplicatesAsync(FaultRig rig, FaultWorkload work, string when)
    {
        await using var db = await rig.Factory.CreateDbContextAsync();
        foreach (var fields in EntityFields.All)
        {
            var title = fields.Fields.First(f => f.Kind == FieldKind.Title);
            var rows = await FaultQueries.Rows(db, fields.Kind).AsNoTracking().ToListAsync();
            AssertDistinct(rows.Select(r => title.Get(r)!), $"{fields.Kind} rows {when}");
            AssertDistinct(rows.Where(r => r.NotionId is not null).Select(r => Id(r.NotionId!)), $"{fields.Kind} page ids {when}");
            AssertDistinct(rig.Notion.Workspace.ListPages(work.DataSource(fields.Kind)).Select(p => PageTitle(p, title)), $"{fields.Kind} pages {when}");
        }
    }

    /// <summary>Every live row once on each side with equal values in every field, each expected edit present, the backup equal to the database.</summary>
    public static async Task AssertAgreeAsync(FaultRig rig, FaultWorkload work)
    {
        await using var db = await rig.Factory.CreateDbContextAsync();
        var open = await db.Outbox.AsNoTracking().Where(o => o.State != OutboxState.Done).Select(o => new { o.EntityKind, o.State, o.LastError }).ToListAsync();
        Assert.True(open.Count == 0, "Outbox not drained: " + string.Join("; ", open));
        var projectsByPage = (await db.Projects.AsNoTracking().ToListAsync()).Where(p => p.NotionId is not null).ToDictionary(p => Id(p.NotionId!), p => p.Id);
        foreach (var fields in EntityFields.All)
        {
            var title = fields.Fields.First(f => f.Kind == FieldKind.Title);
            var rows = await FaultQueries.Rows(db, fields.Kind).AsNoTracking().ToListAsync();
            var pages = rig.Notion.Workspace.ListPages(work.DataSource(fields.Kind)).ToDictionary(p => Id(p["id"]!.GetValue<string>()));
            var expected = work.Rows.Where(r => r.Kind == fields.Kind && !r.Deleted).ToDictionary(r => r.Name);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Select(r => title.Get(r)!).Order(StringComparer.Ordinal));
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), pages.Values.Select(p => PageTitle(p, title)).Order(StringComparer.Ordinal));
            foreach (var row in rows)
            {
                var name = title.Get(row)!;
                Assert.True(row.NotionId is not null && pages.ContainsKey(Id(row.NotionId)), $"{fields.Kind} \"{name}\" has no page of its own.");
                var local = fields.Snapshot(row);
                var remote = FaultQueries.Snapshot(pages[Id(row.NotionId)], fields, projectsByPage);
                var differing = fields.Fields.Where(f => local[f.Name] != remote[f.Name]).Select(f => $"{f.Name}: db {local[f.Name]} ≠ notion {remote[f.Name]}").ToList();
                Assert.True(differing.Count == 0, $"{fields.Kind} \"{name}\": {string.Join("; ", differing)}");
                var lost = expected[name].Fields.Where(e => local[e.Key] != e.Value).Select(e => $"{e.Key}: expected {e.Value}, db {local[e.Key]}").ToList();
                Assert.True(lost.Count == 0, $"{fields.Kind} \"{name}\" lost edits: {string.Join("; ", lost)}");
            }
        }

        await AssertBackupAsync(rig, db);
    }

    /// <summary>Each tab holds exactly the database's rows (all of them: the windows are wide), cell for cell.</summary>
    private static async Task AssertBackupAsync(FaultRig rig, HamgamDb db)
    {
        BackupTab[] tabs =
        [
            BackupTabs.ForDailyLogs(await db.DailyLogs.AsNoTracking().ToListAsync()),
            BackupTabs.ForTasks(await db.Tasks.AsNoTracking().ToListAsync()),
            BackupTabs.ForProjects(await db.Projects.AsNoTracking().ToListAsync()),
            BackupTabs.ForHabits(await db.Habits.AsNoTracking().ToListAsync()),
        ];
        foreach (var tab in tabs)
        {
            var cells = rig.Sheets.Spreadsheets.ReadCells(rig.SpreadsheetId, tab.Title);
            Assert.Equal(tab.Header, cells[0]);
            Assert.True(tab.Rows.Count == cells.Length - 1, $"{tab.Title}: {tab.Rows.Count} rows in the database, {cells.Length - 1} in the sheet.");
            var byId = cells.Skip(1).ToDictionary(r => r[^1]);
            foreach (var row in tab.Rows)
            {
                var id = row[^1].Text!;
                Assert.True(byId.TryGetValue(id, out var actual), $"{tab.Title}: row {id} is not in the backup.");
                for (var c = 0; c < row.Count; c++)
                {
                    var cell = c < actual.Length ? actual[c] : "";
                    var equal = row[c].Number is { } n ? double.Parse(cell, CultureInfo.InvariantCulture) == n : (row[c].Text ?? "") == cell;
                    Assert.True(equal, $"{tab.Title} row {id}, column {tab.Header[c]}: database {row[c].Text ?? row[c].Number?.ToString(CultureInfo.InvariantCulture)}, sheet {cell}");
                }
            }
        }
    }

    private static void AssertDistinct(IEnumerable<string> values, string what)
    {
        var doubled = values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.True(doubled.Count == 0, $"Duplicated {what}: {string.Join(", ", doubled)}");
    }

    private static string PageTitle(JsonObject page, FieldDescriptor title) =>
        FaultQueries.PlainText(page["properties"]![title.DefaultNotionProperty]!["title"]);

    private static string Id(string notionId) => FaultQueries.PageKey(notionId);
}
