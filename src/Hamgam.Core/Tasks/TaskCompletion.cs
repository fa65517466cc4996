using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Core.Tasks;

/// <summary>
/// Completed Date follows Status for changes made in Hamgam: moving a task to done stamps the user's today when the
/// date is empty, and reopening it clears the date (unless the same change sets one). Values pulled from Notion are
/// never touched. Done means the status property's "Complete" group when Status is a Notion status, else one of
/// <see cref="PullScopeOptions.TaskDoneStatuses"/>.
/// </summary>
public sealed class TaskCompletion(UserClock clock, IOptions<NotionSyncOptions> options)
{
    private const string StatusField = "status";
    private const string CompletedField = "completedDate";

    /// <summary>The values to apply to <paramref name="current"/> (null for a create), with Completed Date added when Status calls for it.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> ApplyAsync(
        HamgamDb db, TaskItem? current, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(values);
        if (!values.TryGetValue(StatusField, out var status) || status == current?.Status)
        {
            return values;
        }

        var isDone = await DoneRuleAsync(db, cancellationToken);
        var wasDone = current?.Status is { } before && isDone(before);
        var currentDate = Canonical.Date(current?.CompletedDate);
        var date = values.TryGetValue(CompletedField, out var given) ? given : currentDate;
        var adjusted = new Dictionary<string, string?>(values, StringComparer.Ordinal);
        if (status is not null && isDone(status) && !wasDone && date is null)
        {
            adjusted[CompletedField] = Canonical.Date(FlexDate.FromDate(clock.Today));
        }
        else if (wasDone && (status is null || !isDone(status)) && date == currentDate)
        {
            adjusted[CompletedField] = null;
        }

        return adjusted;
    }

    // An empty Complete group (options added through the API land in To-do) says nothing: the list decides then.
    private async Task<Func<string, bool>> DoneRuleAsync(HamgamDb db, CancellationToken cancellationToken)
    {
        var json = await db.SyncCursors.AsNoTracking().Where(c => c.EntityKind == EntityKind.Task)
            .Select(c => c.PropertyIds).FirstOrDefaultAsync(cancellationToken);
        if (SchemaBindings.Deserialize(json)?.For(StatusField) is { Type: "status", CompleteOptions: { Count: > 0 } complete })
        {
            return complete.Contains;
        }

        var scope = options.Value.Scope;
        return status => status == scope.TaskDoneStatus || scope.TaskDoneStatuses.Contains(status, StringComparer.Ordinal);
    }
}
