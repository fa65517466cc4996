using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Notion;

namespace Hamgam.Core.Sync.Pull;

/// <summary>
/// The scope filters of PRODUCT.md (the seed's), written with property ids so a renamed property keeps working, and
/// kept within Notion's two levels of nesting even with the incremental time bound added.
/// </summary>
internal static class PullQueries
{
    public static NotionFilter? Scope(EntityKind kind, SchemaBindings bindings, PullScopeOptions scope, DateOnly today)
    {
        var status = bindings.For("status");
        switch (kind)
        {
            case EntityKind.Task when status is not null && scope.DoneTaskWindowDays is { } days:
                var notDone = Option(status).DoesNotEqual(scope.TaskDoneStatus);
                return bindings.For("completedDate") is { } completed
                    ? NotionFilter.Or(notDone, NotionFilter.Date(completed.Id).OnOrAfter(today.AddDays(-days)))
                    : notDone;
            case EntityKind.Habit when status is not null && !string.IsNullOrWhiteSpace(scope.ActiveHabitStatus):
                return Option(status).EqualTo(scope.ActiveHabitStatus);
            default:
                return null;
        }
    }

    /// <summary>Whether a local row is inside the pull scope (so its absence from a full listing means it is gone).</summary>
    public static bool InScope(EntityKind kind, SyncedEntity row, PullScopeOptions scope, DateOnly today) =>
        InScope(kind, EntityFields.For(kind).Snapshot(row), scope, today);

    /// <summary>Whether canonical values fall inside the pull scope.</summary>
    public static bool InScope(EntityKind kind, IReadOnlyDictionary<string, string?> values, PullScopeOptions scope, DateOnly today)
    {
        return kind switch
        {
            EntityKind.Task when scope.DoneTaskWindowDays is { } days =>
                values.GetValueOrDefault("status") != scope.TaskDoneStatus
                || (Canonical.ParseDate(values.GetValueOrDefault("completedDate")) is { } done && done.Date >= today.AddDays(-days)),
            EntityKind.Habit when !string.IsNullOrWhiteSpace(scope.ActiveHabitStatus) => values.GetValueOrDefault("status") == scope.ActiveHabitStatus,
            _ => true,
        };
    }

    public static NotionFilter? Combine(NotionFilter? scope, NotionFilter? since, NotionFilter? createdFrom)
    {
        var parts = new[] { since, createdFrom, scope }.OfType<NotionFilter>().ToArray();
        return parts.Length switch
        {
            0 => null,
            1 => parts[0],
            _ => NotionFilter.And(parts),
        };
    }

    private static OptionConditions Option(PropertyBinding binding) =>
        binding.Type == "status" ? NotionFilter.Status(binding.Id) : NotionFilter.Select(binding.Id);
}
