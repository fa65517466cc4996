using Hamgam.Core.Data;
using Hamgam.Core.Runs;

namespace Hamgam.Core.Sync.Push;

/// <summary>How to push: <see cref="DryRun"/> lists the requests it would send and sends none.</summary>
public sealed record PushRequest(bool DryRun = false, string Trigger = "manual");

/// <summary>One request a push sends (or would send): create, update, trash or restore, with the fields it carries.</summary>
public sealed record PlannedPush(EntityKind Kind, Guid EntityId, string Action, IReadOnlyList<string> Fields);

/// <summary>The result of one push run; <see cref="Contended"/> counts records another pusher held at the time.</summary>
public sealed record PushReport(
    long RunId, SyncRunStatus Status, int RequestsUsed, int Created, int Updated, int Deleted, int Failed, IReadOnlyList<PlannedPush> Planned,
    int Contended = 0);

/// <summary>The moments of a create at which a crash must neither duplicate the page nor lose the task (a test seam).</summary>
public enum PushStep
{
    BeforeRequest,
    AfterResponseBeforeSave,
}
