using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Hamgam.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Recurring;

/// <summary>
/// Creates today's instance of every recurring template that is due today (in the user's time zone), at most
/// once per template and day: running twice, or late in the day after downtime, creates nothing more.
/// Instances are ordinary local creates, so they reach Notion through the outbox.
/// </summary>
public sealed class RecurringTaskGenerator(IDbContextFactory<HamgamDb> factory, LocalChanges changes, UserClock clock, RunLog runs)
{
    private static readonly HashSet<string> DoneStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "Done", "✅ Done", "Completed", "Complete", "انجام شد", "انجام‌شده", "تمام شد",
    };

    private static readonly string[] CopiedFields =
    [
        "name", "status", "context", "energyLevel", "importance", "urgency", "estimatedTime",
        "quickWin", "tags", "category", "type", "notes", "projectId",
    ];

    public async Task<int> RunAsync(string trigger, CancellationToken cancellationToken = default)
    {
        var run = await runs.StartAsync(SyncRunType.Recurring, trigger, cancellationToken);
        try
        {
            var created = await CreateDueInstancesAsync(clock.Today, run, cancellationToken);
            await run.CompleteAsync();
            return created;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await run.CompleteAsync(ex.Message);
            throw;
        }
    }

    internal async Task<int> CreateDueInstancesAsync(DateOnly today, RunHandle run, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var templates = await db.Tasks.AsNoTracking()
            .Where(t => t.IsRecurring && t.RecurringType != null && t.RecurringTemplateId == null)
            .ToListAsync(cancellationToken);
        var due = templates.Where(t => RecurrenceRules.IsDue(t.RecurringType, t.ScheduledFor?.Date, today)).ToList();
        var dueIds = due.Select(t => (Guid?)t.Id).ToList();
        var existing = (await db.Tasks.IgnoreQueryFilters()
            .Where(t => dueIds.Contains(t.RecurringTemplateId) && t.RecurringDay == today)
            .Select(t => t.RecurringTemplateId).ToListAsync(cancellationToken)).ToHashSet();
        run.Total = due.Count;

        var created = 0;
        foreach (var template in due.Where(t => !existing.Contains(t.Id)))
        {
            if (await TryCreateAsync(template, today, cancellationToken))
            {
                created++;
                run.AddRecords(1, "creating instances");
            }
        }

        return created;
    }

    private async Task<bool> TryCreateAsync(TaskItem template, DateOnly today, CancellationToken cancellationToken)
    {
        var source = EntityFields.Tasks.Snapshot(template);
        var values = CopiedFields.ToDictionary(f => f, f => source[f], StringComparer.Ordinal);
        if (template.Status is not null && DoneStatuses.Contains(template.Status))
        {
            values["status"] = null;
        }

        values["scheduledFor"] = Canonical.Date(FlexDate.FromDate(today));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var instance = (TaskItem)changes.Create(db, EntityKind.Task, values, LocalChanges.BackgroundPriority);
        instance.RecurringTemplateId = template.Id;
        instance.RecurringDay = today;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run created it in the meantime: the unique (template, day) index kept it to one.
            return false;
        }
    }
}
