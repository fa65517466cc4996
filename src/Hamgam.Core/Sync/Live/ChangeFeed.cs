namespace Hamgam.Core.Sync.Live;

/// <summary>One committed change: what it touched, whether it queued work for Notion, and where it was made.</summary>
public sealed record LiveChange(LiveTopics Topics, bool OutboxQueued, bool FromOtherInstance);

/// <summary>
/// Tells this process what was just committed to the database, by any writer: a page, the API, a pull, a push, a job,
/// or (relayed through PostgreSQL's LISTEN/NOTIFY) another instance. Open pages reload what they show; push on save
/// wakes when a change queued outbox entries. It carries topics only, never contents.
/// </summary>
public sealed class ChangeFeed
{
    public event Action<LiveChange>? Changed;

    public void Publish(LiveChange change)
    {
        if (change.Topics == LiveTopics.None && !change.OutboxQueued)
        {
            return;
        }

        // Each listener is isolated: one failing page must not keep the change from the others or from the pusher.
        foreach (var listener in Changed?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<LiveChange>)listener)(change);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ListenerFailed?.Invoke(ex);
            }
        }
    }

    /// <summary>Raised when a listener threw (logged by the host); the change still reached the others.</summary>
    public event Action<Exception>? ListenerFailed;
}
