using System.Globalization;
using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Merge;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Sheets;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;
using static Hamgam.Testing.NotionSyncHarness;

namespace Hamgam.Core.Tests.Faults;

/// <summary>
/// R1: random edits on both sides (creates, updates of several field kinds, deletes) interleaved with pushes, pulls and
/// backups while both emulators fail a fifth of the requests. Seeded, so a failing seed replays the same run.
/// </summary>
internal sealed class FaultScenario(FaultRunHarness h, int seed)
{
    /// <summary>Fields whose edits always get a value never used before, so a both-sides edit is a certain conflict.</summary>
    public static readonly string[] FreshValueFields = ["name", "notes", "dueDate"];

    private static readonly string[] Statuses = ["Not started", "In progress", "Done"];
    private static readonly string?[] Energies = ["High", "Medium", "Low", null];
    private static readonly string[] Contexts = ["خانه", "کار", "بیرون 🚶"];
    // The fresh-value fields twice, so both-sides edits of them (certain conflicts) are common enough to count.
    private static readonly string[] Editable =
        ["name", "status", "energyLevel", "notes", "dueDate", "quickWin", "context", "projectId", "name", "notes", "dueDate"];

#pragma warning disable CA5394 // a seeded Random makes the run reproducible; nothing here is about security
    private readonly Random _random = new(seed);
    private readonly List<(string PageId, Guid LocalId)> _projects = [];
    private readonly HashSet<string> _notionMade = new(StringComparer.Ordinal);
    private int _counter;

    public ConflictLedger Ledger { get; } = new();

    public int Syncs { get; private set; }

    public int FailedBackups { get; private set; }

    public int NotionCreates { get; private set; }

    private string TasksSource => h.Notion.Databases.Tasks.DataSourceId;

    public async Task SeedAsync(int tasks)
    {
        for (var i = 0; i < 3; i++)
        {
            h.Notion.AddPage(h.Notion.Databases.Projects.DataSourceId, "Name", $"پروژه {i + 1}");
        }

        for (var i = 0; i < tasks; i++)
        {
            _notionMade.Add(h.Notion.AddTaskPage(Fresh("کار آغازین"), p => p["Status"] = Status(Statuses[i % 3])));
        }

        await h.Notion.PullAsync();
        await using var db = h.Notion.Db.CreateContext();
        _projects.AddRange((await db.Projects.ToListAsync()).Select(p => (p.NotionId!, p.Id)));
    }

    public async Task RunAsync(int edits)
    {
        h.StartFaults(seed);
        for (var made = 0; made < edits;)
        {
            var roll = _random.NextDouble();
            if (roll < 0.16)
            {
                await SyncStepAsync();
                continue;
            }

            made += roll switch
            {
                < 0.52 => await LocalUpdateAsync(),
                < 0.57 => await LocalCreateAsync(),
                < 0.60 => await LocalDeleteAsync(),
                < 0.92 => await NotionUpdateAsync(),
                < 0.96 => NotionCreate(),
                _ => NotionTrash(),
            };
        }
    }

    /// <summary>Faults off: push and pull until nothing is left to send, then a last full pull and a fresh backup.</summary>
    public async Task SettleAsync()
    {
        h.ClearFaults();
        for (var round = 0; round < 10 && await PendingAsync() > 0; round++)
        {
            h.Notion.Db.Time.Advance(TimeSpan.FromHours(2));
            await h.Notion.PushAsync();
        }

        h.Notion.Db.Time.Advance(TimeSpan.FromMinutes(5));
        await h.Notion.PullAsync(full: true);
        await h.Backup.BackupAsync("test");
    }

    public async Task<int> PendingAsync()
    {
        await using var db = h.Notion.Db.CreateContext();
        return await db.Outbox.CountAsync(o => o.State == OutboxState.Pending);
    }

    private async Task SyncStepAsync()
    {
        Syncs++;
        h.Notion.Db.Time.Advance(TimeSpan.FromMinutes(1 + _random.Next(3)));
        switch (_random.Next(5))
        {
            case 0 or 1:
                await h.Notion.PushAsync();
                break;
            case 2 or 3:
                await h.Notion.PullAsync(full: _random.Next(4) == 0);
                break;
            default:
                try
                {
                    await h.Backup.BackupAsync("test");
                }
                catch (SheetsApiException)
                {
                    FailedBackups++;
                }

                break;
        }
    }

    private async Task<int> LocalUpdateAsync()
    {
        if (await RandomRowAsync() is not { } row)
        {
            return 0;
        }

        var values = RandomValues(local: true, _random.Next(1, 3));
        await RequireIfNotionChangedAsync(row, values.Keys);
        var result = await h.Notion.Changes.UpdateAsync(EntityKind.Task, row.Id, values);
        Ledger.Local(row.Id, result.ChangedFields);
        return 1;
    }

    private async Task<int> LocalCreateAsync()
    {
        var values = RandomValues(local: true, 3);
        values["name"] = Fresh("کار تازه ✨");
        var created = await h.Notion.Changes.CreateAsync(EntityKind.Task, values);
        Ledger.Local(created.Id, values.Where(v => v.Value is not null).Select(v => v.Key));
        return 1;
    }

    private async Task<int> LocalDeleteAsync()
    {
        if (await RandomRowAsync() is not { } row)
        {
            return 0;
        }

        await h.Notion.Changes.DeleteAsync(EntityKind.Task, row.Id);
        Ledger.LocalDelete(row.Id);
        return 1;
    }

    private async Task<int> NotionUpdateAsync()
    {
        if (RandomPage() is not { } page)
        {
            return 0;
        }

        var values = RandomValues(local: false, _random.Next(1, 3));
        await RequireIfLocalPendingAsync(page, values);
        h.Notion.Db.Time.Advance(TimeSpan.FromSeconds(20));
        h.Notion.Notion.UpdatePage(page, new JsonObject { ["properties"] = Properties(values) });
        Ledger.Notion(page, values.Keys);
        return 1;
    }

    private int NotionCreate()
    {
        var values = RandomValues(local: false, 2);
        values.Remove("name");
        var properties = Properties(values);
        h.Notion.Db.Time.Advance(TimeSpan.FromSeconds(20));
        NotionCreates++;
        _notionMade.Add(h.Notion.AddTaskPage(Fresh("کار نوشن 🌿"), p =>
        {
            foreach (var (name, value) in properties)
            {
                p[name] = value!.DeepClone();
            }
        }));
        return 1;
    }

    private int NotionTrash()
    {
        if (RandomPage() is not { } page)
        {
            return 0;
        }

        h.Notion.Db.Time.Advance(TimeSpan.FromSeconds(20));
        h.Notion.Notion.TrashPage(page);
        Ledger.NotionTrash(page);
        return 1;
    }

    private Dictionary<string, string?> RandomValues(bool local, int count)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in Editable.OrderBy(_ => _random.Next()).Distinct().Take(count))
        {
            values[field] = field switch
            {
                "name" => Fresh(local ? "کار محلی" : "کار نوشن"),
                "notes" => Fresh(local ? "یادداشت من — سلام 👋" : "یادداشت نوشن ✍️"),
                "dueDate" => new DateOnly(2026, 1, 1).AddDays(++_counter).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "status" => Statuses[_random.Next(Statuses.Length)],
                "energyLevel" => Energies[_random.Next(Energies.Length)],
                "quickWin" => Canonical.Bool(_random.Next(2) == 0),
                "context" => Canonical.List([.. Contexts.Where(_ => _random.Next(2) == 0)]),
                _ => _random.Next(4) == 0 ? null : Canonical.Id(_projects[_random.Next(_projects.Count)].LocalId),
            };
        }

        return values;
    }

    private JsonObject Properties(Dictionary<string, string?> values)
    {
        var properties = new JsonObject();
        foreach (var (field, value) in values)
        {
            var descriptor = EntityFields.Tasks.Find(field)!;
            properties[descriptor.DefaultNotionProperty] = descriptor.Kind switch
            {
                FieldKind.Title => Title(value!),
                FieldKind.Text => Text(value!),
                FieldKind.Status => Status(value!),
                FieldKind.Select => value is null ? new JsonObject { ["select"] = null } : Select(value),
                FieldKind.Date => Date(value!),
                FieldKind.Checkbox => new JsonObject { ["checkbox"] = Canonical.ParseBool(value) },
                FieldKind.MultiSelect => MultiSelect([.. Canonical.ParseList(value)]),
                _ => new JsonObject { ["relation"] = new JsonArray([.. _projects.Where(p => Canonical.Id(p.LocalId) == value).Select(p => (JsonNode)new JsonObject { ["id"] = p.PageId })]) },
            };
        }

        return properties;
    }

    private string Fresh(string prefix) => $"{prefix} {++_counter}";

    private async Task<SyncedEntity?> RandomRowAsync()
    {
        await using var db = h.Notion.Db.CreateContext();
        var rows = await db.Tasks.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        return rows.Count == 0 ? null : rows[_random.Next(rows.Count)];
    }

    /// <summary>A live page that a local row is linked to, or that Notion made itself: never a page a lost create answer left unlinked.</summary>
    private string? RandomPage()
    {
        using var db = h.Notion.Db.CreateContext();
        var linked = db.Tasks.IgnoreQueryFilters().Where(t => t.NotionId != null).Select(t => t.NotionId!).ToHashSet(StringComparer.Ordinal);
        var pages = h.Notion.Notion.ListPages(TasksSource)
            .Select(p => p["id"]!.GetValue<string>())
            .Where(id => linked.Contains(id) || _notionMade.Contains(id))
            .Order(StringComparer.Ordinal).ToList();
        return pages.Count == 0 ? null : pages[_random.Next(pages.Count)];
    }
#pragma warning restore CA5394

    /// <summary>A local edit of a fresh value while Notion holds an unpulled change of the same field is a due conflict.</summary>
    private async Task RequireIfNotionChangedAsync(SyncedEntity row, IEnumerable<string> fields)
    {
        if (row.NotionId is null || row.Baseline is null || h.Notion.Notion.GetPage(row.NotionId) is not { } page)
        {
            return;
        }

        var (baseline, _) = Baselines.Read(row.Baseline);
        foreach (var field in fields.Where(FreshValueFields.Contains))
        {
            var notion = TaskPageValues.Read(page["properties"]![EntityFields.Tasks.Find(field)!.DefaultNotionProperty]!, EntityFields.Tasks.Find(field)!.Kind);
            if (notion != baseline.GetValueOrDefault(field))
            {
                Ledger.Require(row.Id, field);
            }
        }
    }

    /// <summary>A Notion edit of a fresh value while the row has an unpushed change of the same field is a due conflict.</summary>
    private async Task RequireIfLocalPendingAsync(string pageId, Dictionary<string, string?> values)
    {
        await using var db = h.Notion.Db.CreateContext();
        if (await db.Tasks.IgnoreQueryFilters().SingleOrDefaultAsync(t => t.NotionId == pageId) is not { } row)
        {
            return;
        }

        var pending = (await db.Outbox.Where(o => o.EntityId == row.Id && o.State == OutboxState.Pending).Select(o => o.Fields).ToListAsync())
            .SelectMany(f => Canonical.Deserialize(f).Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var field in values.Keys.Where(f => FreshValueFields.Contains(f) && pending.Contains(f)))
        {
            Ledger.Require(row.Id, field);
        }
    }
}
