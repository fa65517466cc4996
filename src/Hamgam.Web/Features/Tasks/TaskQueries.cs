using Hamgam.Core.Data;
using Hamgam.Core.Tasks;
using Hamgam.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Features.Tasks;

/// <summary>The filters of the tasks table; null means any.</summary>
public sealed record TaskFilter(
    string? Search = null, string? Status = null, string? Context = null, string? EnergyLevel = null, string? Importance = null,
    string? Urgency = null, string? Tag = null, Guid? ProjectId = null);

/// <summary>One task as the dashboard lists it, with how it stands with Notion.</summary>
public sealed record TaskRow(
    Guid Id, long Version, string Name, string? Status, IReadOnlyList<string> Context, string? EnergyLevel, string? Importance,
    string? Urgency, string? EstimatedTime, FlexDate? DueDate, FlexDate? ScheduledFor, bool QuickWin, IReadOnlyList<string> Tags,
    Guid? ProjectId, string? NotionUrl, SyncMeta Sync);

public sealed record TaskPage(IReadOnlyList<TaskRow> Rows, int Total);

/// <summary>The values the filters offer, read from the data.</summary>
public sealed record TaskOptions(
    IReadOnlyList<string> Statuses, IReadOnlyList<string> Contexts, IReadOnlyList<string> EnergyLevels, IReadOnlyList<string> Importances,
    IReadOnlyList<string> Urgencies, IReadOnlyList<string> Tags, IReadOnlyList<string> EstimatedTimes, IReadOnlyList<string> Categories,
    IReadOnlyList<(Guid Id, string Name)> Projects)
{
    /// <summary>
    /// A new task's status: one the workspace already uses, so Notion accepts it (a status property refuses names it
    /// has no option for): "Inbox" if in use, else the first open status in use, else "Inbox" (a select creates it).
    /// </summary>
    public string DefaultStatus { get; init; } = TaskVocabulary.DefaultStatus;
}

/// <summary>Reads tasks for the dashboard: one short-lived context per call, no tracking, one page at a time.</summary>
public sealed class TaskQueries(IDbContextFactory<HamgamDb> factory)
{
    public async Task<TaskPage> PageAsync(TaskFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.Tasks.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var tasks = await query.OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Id)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new TaskPage(await ToRowsAsync(db, tasks, cancellationToken), total);
    }

    /// <summary>Up to <paramref name="perStatus"/> tasks of each status (newest first) and how many each status has.</summary>
    public async Task<List<(string Status, int Count, IReadOnlyList<TaskRow> Rows)>> BoardAsync(int perStatus, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Tasks.GroupBy(t => t.Status ?? TaskVocabulary.DefaultStatus)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var statuses = TaskVocabulary.CommonStatuses.Union(counts.Select(c => c.Status), StringComparer.Ordinal).ToList();
        var columns = new List<(string, int, IReadOnlyList<TaskRow>)>();
        foreach (var status in statuses)
        {
            var isDefault = status == TaskVocabulary.DefaultStatus;
            var tasks = await db.Tasks.AsNoTracking().Where(t => t.Status == status || (isDefault && t.Status == null))
                .OrderByDescending(t => t.UpdatedAt).Take(perStatus).ToListAsync(cancellationToken);
            columns.Add((status, counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0, await ToRowsAsync(db, tasks, cancellationToken)));
        }

        return columns;
    }

    /// <summary>
    /// Open (not done) tasks that are dated or quick wins (home), or that have an importance or urgency (matrix): light
    /// columns only and no sync state (see <see cref="WithSyncStatesAsync"/> for the few rows a page shows).
    /// </summary>
    public async Task<List<TaskRow>> OpenAsync(bool forMatrix, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var candidates = db.Tasks.AsNoTracking().Where(t => t.Status == null || t.Status != "Done");
        candidates = forMatrix
            ? candidates.Where(t => t.Importance != null || t.Urgency != null)
            : candidates.Where(t => t.ScheduledFor != null || t.DueDate != null || t.QuickWin);
        var rows = await candidates.OrderBy(t => t.CreatedAt)
            .Select(t => new { t.Id, t.Version, t.Name, t.Status, t.Importance, t.Urgency, t.DueDate, t.ScheduledFor, t.QuickWin, t.NotionId })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(t => !TaskVocabulary.IsDone(t.Status)).Select(t => new TaskRow(
            t.Id, t.Version, t.Name, t.Status, [], null, t.Importance, t.Urgency, null, t.DueDate, t.ScheduledFor, t.QuickWin, [], null, null,
            new SyncMeta(t.NotionId is null ? "local" : "synced", null)))];
    }

    /// <summary>The same rows with their outbox state (pending or failed with Notion's message) filled in.</summary>
    public async Task<List<TaskRow>> WithSyncStatesAsync(IReadOnlyList<TaskRow> rows, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stubs = rows.Select(r => new TaskItem { Id = r.Id, NotionId = r.Sync.State == "local" ? null : "known" }).ToList();
        var states = await SyncStates.LoadAsync(db, EntityKind.Task, stubs, cancellationToken);
        return [.. rows.Select(r => r with { Sync = states[r.Id] })];
    }

    public async Task<TaskItem?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    public async Task<TaskOptions> OptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var tasks = db.Tasks.AsNoTracking();
        var lists = await tasks.Select(t => new { t.Context, t.Tags }).ToListAsync(cancellationToken);
        var used = await DistinctAsync(tasks.Select(t => t.Status), cancellationToken);
        return new TaskOptions(
            TaskVocabulary.CommonStatuses.Union(used).ToList(),
            Sorted(lists.SelectMany(l => l.Context)),
            await DistinctAsync(tasks.Select(t => t.EnergyLevel), cancellationToken),
            await DistinctAsync(tasks.Select(t => t.Importance), cancellationToken),
            await DistinctAsync(tasks.Select(t => t.Urgency), cancellationToken),
            Sorted(lists.SelectMany(l => l.Tags)),
            await DistinctAsync(tasks.Select(t => t.EstimatedTime), cancellationToken),
            await DistinctAsync(tasks.Select(t => t.Category), cancellationToken),
            (await db.Projects.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.Name)).ToList())
        {
            DefaultStatus = DefaultStatusAmong(used),
        };
    }

    private static string DefaultStatusAmong(List<string> used) =>
        used.Contains(TaskVocabulary.DefaultStatus, StringComparer.Ordinal) || used.Count == 0
            ? TaskVocabulary.DefaultStatus
            : TaskVocabulary.CommonStatuses.Where(used.Contains).Concat(used).FirstOrDefault(s => !TaskVocabulary.IsDone(s)) ?? TaskVocabulary.DefaultStatus;

    private static IQueryable<TaskItem> Apply(IQueryable<TaskItem> tasks, TaskFilter f)
    {
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            tasks = tasks.Where(t => t.Name.Contains(f.Search) || (t.Notes != null && t.Notes.Contains(f.Search)));
        }

        tasks = f.Status is null ? tasks : tasks.Where(t => t.Status == f.Status);
        tasks = f.Context is null ? tasks : tasks.Where(t => t.Context.Contains(f.Context));
        tasks = f.Tag is null ? tasks : tasks.Where(t => t.Tags.Contains(f.Tag));
        tasks = f.EnergyLevel is null ? tasks : tasks.Where(t => t.EnergyLevel == f.EnergyLevel);
        tasks = f.Importance is null ? tasks : tasks.Where(t => t.Importance == f.Importance);
        tasks = f.Urgency is null ? tasks : tasks.Where(t => t.Urgency == f.Urgency);
        return f.ProjectId is null ? tasks : tasks.Where(t => t.ProjectId == f.ProjectId);
    }

    private static async Task<List<TaskRow>> ToRowsAsync(HamgamDb db, List<TaskItem> tasks, CancellationToken cancellationToken)
    {
        var states = await SyncStates.LoadAsync(db, EntityKind.Task, tasks, cancellationToken);
        return [.. tasks.Select(t => new TaskRow(
            t.Id, t.Version, t.Name, t.Status, t.Context, t.EnergyLevel, t.Importance, t.Urgency, t.EstimatedTime, t.DueDate, t.ScheduledFor,
            t.QuickWin, t.Tags, t.ProjectId, t.NotionUrl, states[t.Id]))];
    }

    private static async Task<List<string>> DistinctAsync(IQueryable<string?> values, CancellationToken cancellationToken) =>
        Sorted((await values.Where(v => v != null).Distinct().ToListAsync(cancellationToken))!);

    private static List<string> Sorted(IEnumerable<string?> values) =>
        [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
