using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.IntegrationTests.Faults;

/// <summary>One record as the test expects it to end: the values last written to the fields the test touched.</summary>
internal sealed class ExpectedRow(EntityKind kind, string name, bool createdLocally)
{
    public EntityKind Kind { get; } = kind;

    public string Name { get; } = name;

    public bool CreatedLocally { get; } = createdLocally;

    public Dictionary<string, string?> Fields { get; } = new(StringComparer.Ordinal);

    public bool Deleted { get; set; }

    public bool LocalTouched { get; set; }

    public bool NotionTouched { get; set; }
}

/// <summary>
/// Random edits on both sides between runs, and the record of what each row should end as. The dashboard and Notion
/// write disjoint fields, so every write has one expected outcome (the same-field conflict policy is tested elsewhere);
/// a row is deleted only on a side the other never touched, so a deletion never meets an edit.
/// </summary>
internal sealed class FaultWorkload(FaultRig rig, Random random)
{
    private static readonly string[] Levels = ["High", "Medium", "Low"];
    private static readonly EntityKind[] Kinds = [EntityKind.Task, EntityKind.Project, EntityKind.Habit, EntityKind.DailyLog];

    private static readonly Dictionary<EntityKind, string[]> LocalFields = new()
    {
        [EntityKind.Task] = ["status", "notes", "energyLevel", "quickWin", "tags"],
        [EntityKind.Project] = ["vision", "priority"],
        [EntityKind.Habit] = ["counter", "frequency"],
        [EntityKind.DailyLog] = ["mood", "energy", "reflection"],
    };

    private static readonly Dictionary<EntityKind, string[]> NotionFields = new()
    {
        [EntityKind.Task] = ["dueDate", "urgency", "importance"],
        [EntityKind.Project] = ["area", "targetDate"],
        [EntityKind.Habit] = ["relatedTrigger", "category"],
        [EntityKind.DailyLog] = ["topWin", "desires"],
    };

    private readonly List<ExpectedRow> _rows = [];
    private int _created;

    public IReadOnlyList<ExpectedRow> Rows => _rows;

    public int LocalEdits { get; private set; }

    public int NotionEdits { get; private set; }

    /// <summary>A round of edits: creates, updates and the occasional delete, here and in Notion.</summary>
    public async Task EditAsync()
    {
        if (random.NextDouble() < 0.7)
        {
            await CreateLocalAsync(Pick(Kinds));
        }

        if (random.NextDouble() < 0.5)
        {
            CreateInNotion(Pick(Kinds));
        }

        for (var i = random.Next(2, 5); i > 0; i--)
        {
            await UpdateLocalAsync(Pick(Alive()));
        }

        for (var i = random.Next(1, 4); i > 0; i--)
        {
            UpdateInNotion(Pick(Alive()));
        }

        if (random.NextDouble() < 0.2)
        {
            await DeleteLocalAsync();
        }

        if (random.NextDouble() < 0.15)
        {
            TrashInNotion();
        }
    }

    public async Task CreateLocalAsync(EntityKind kind)
    {
        var row = Add(kind, createdLocally: true);
        var values = new Dictionary<string, string?>(row.Fields, StringComparer.Ordinal) { ["name"] = row.Name };
        foreach (var field in LocalFields[kind].Where(_ => random.Next(2) == 0))
        {
            values[field] = row.Fields[field] = Value(kind, field);
        }

        await rig.Changes.CreateAsync(kind, values);
        LocalEdits++;
    }

    public void CreateInNotion(EntityKind kind)
    {
        var row = Add(kind, createdLocally: false);
        foreach (var field in NotionFields[kind].Where(_ => random.Next(2) == 0))
        {
            row.Fields[field] = Value(kind, field);
        }

        if (kind == EntityKind.Habit)
        {
            // Only active habits are in the pull scope (PRODUCT.md); one made in Notion is active, as a user would make it.
            row.Fields["status"] = "🎯 Active";
        }

        var values = new Dictionary<string, string?>(row.Fields, StringComparer.Ordinal) { ["name"] = row.Name };
        rig.Notion.Workspace.CreatePage(DataSource(kind), Properties(kind, values));
        NotionEdits++;
    }

    /// <summary>The row's id in the database, or null when it is not there (yet).</summary>
    public async Task<SyncedEntity?> FindLocalAsync(ExpectedRow row)
    {
        await using var db = await rig.Factory.CreateDbContextAsync();
        var title = Title(row.Kind);
        return (await FaultQueries.Rows(db, row.Kind).AsNoTracking().ToListAsync()).FirstOrDefault(e => title.Get(e) == row.Name);
    }

    public JsonObject? FindPage(ExpectedRow row) => rig.Notion.Workspace.ListPages(DataSource(row.Kind))
        .FirstOrDefault(p => FaultQueries.PlainText(p["properties"]![Title(row.Kind).DefaultNotionProperty]!["title"]) == row.Name);

    public string DataSource(EntityKind kind) => kind switch
    {
        EntityKind.Task => rig.Databases.Tasks.DataSourceId,
        EntityKind.Project => rig.Databases.Projects.DataSourceId,
        EntityKind.Habit => rig.Databases.Habits.DataSourceId,
        _ => rig.Databases.DailyLogs.DataSourceId,
    };

    private ExpectedRow Add(EntityKind kind, bool createdLocally)
    {
        var n = ++_created;
        var row = new ExpectedRow(kind, createdLocally ? $"محلی {n} L{n}" : $"نوشن {n} N{n}", createdLocally);
        if (kind == EntityKind.DailyLog)
        {
            // Every log has a date (the backup's window reads it); a day of its own, never edited.
            row.Fields["date"] = new DateOnly(2026, 1, 1).AddDays(n).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        _rows.Add(row);
        return row;
    }

    private async Task UpdateLocalAsync(ExpectedRow? row)
    {
        if (row is null || await FindLocalAsync(row) is not { } entity)
        {
            return;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in LocalFields[row.Kind].Where(_ => random.Next(2) == 0).DefaultIfEmpty(Pick(LocalFields[row.Kind])))
        {
            values[field!] = row.Fields[field!] = Value(row.Kind, field!);
        }

        await rig.Changes.UpdateAsync(row.Kind, entity.Id, values);
        row.LocalTouched = true;
        LocalEdits++;
    }

    private void UpdateInNotion(ExpectedRow? row)
    {
        if (row is null || FindPage(row) is not { } page)
        {
            return;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in NotionFields[row.Kind].Where(_ => random.Next(2) == 0).DefaultIfEmpty(Pick(NotionFields[row.Kind])))
        {
            values[field!] = row.Fields[field!] = Value(row.Kind, field!);
        }

        rig.Notion.Workspace.UpdatePage(page["id"]!.GetValue<string>(), new JsonObject { ["properties"] = Properties(row.Kind, values) });
        row.NotionTouched = true;
        NotionEdits++;
    }

    private async Task DeleteLocalAsync()
    {
        var row = Pick(Alive().Where(r => r.CreatedLocally && !r.NotionTouched && AliveCount(r.Kind) >= 5).ToList());
        if (row is null || await FindLocalAsync(row) is not { } entity)
        {
            return;
        }

        await rig.Changes.DeleteAsync(row.Kind, entity.Id);
        row.Deleted = true;
        LocalEdits++;
    }

    private void TrashInNotion()
    {
        var row = Pick(Alive().Where(r => !r.CreatedLocally && !r.LocalTouched && AliveCount(r.Kind) >= 6).ToList());
        if (row is null || FindPage(row) is not { } page)
        {
            return;
        }

        rig.Notion.Workspace.TrashPage(page["id"]!.GetValue<string>());
        row.Deleted = true;
        NotionEdits++;
    }

    private string? Value(EntityKind kind, string field) => (kind, field) switch
    {
        (EntityKind.Task, "status") => Pick(["Not started", "In progress", "Done"]),
        (EntityKind.Task, "quickWin") => random.Next(2) == 0 ? "true" : "false",
        (EntityKind.Task, "tags") => Canonical.List([.. new[] { "خانه", "کار", "فوری" }.Where(_ => random.Next(2) == 0)]),
        (EntityKind.Project, "area") => Pick(["Work", "Personal", "Health", "Learning"]),
        (EntityKind.Habit, "counter") => random.Next(0, 30).ToString(System.Globalization.CultureInfo.InvariantCulture),
        (EntityKind.Habit, "frequency") => Pick(["Daily", "Weekly"]),
        (EntityKind.Habit, "category") => Pick(["سلامت", "ذهن"]),
        (EntityKind.DailyLog, "mood") => Pick(["😀", "🙂", "😐", "🙁"]),
        (EntityKind.DailyLog, "energy") => Pick(["1", "2.5", "4"]),
        (_, "dueDate" or "targetDate") => new DateOnly(2026, 12, 1).AddDays(random.Next(60)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        (_, "priority" or "urgency" or "importance" or "energyLevel") => Pick(Levels),
        _ => $"متن {random.Next(100000)} ✨",
    };

    private static JsonObject Properties(EntityKind kind, Dictionary<string, string?> values)
    {
        var fields = EntityFields.For(kind);
        var properties = new JsonObject();
        foreach (var (name, value) in values)
        {
            var field = fields.Find(name)!;
            properties[field.DefaultNotionProperty] = FaultQueries.PropertyValue(field.Kind, value);
        }

        return properties;
    }

    private List<ExpectedRow> Alive() => [.. _rows.Where(r => !r.Deleted)];

    private int AliveCount(EntityKind kind) => _rows.Count(r => r.Kind == kind && !r.Deleted);

    private static FieldDescriptor Title(EntityKind kind) => EntityFields.For(kind).Fields.First(f => f.Kind == FieldKind.Title);

    private T? Pick<T>(IReadOnlyList<T> items) => items.Count == 0 ? default : items[random.Next(items.Count)];
}
