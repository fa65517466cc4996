namespace Hamgam.Notion;

/// <summary>Which requests get rate-limiter permits first when several wait.</summary>
public enum NotionRequestPriority
{
    /// <summary>A user is waiting (pushes of dashboard edits, "test connection").</summary>
    Interactive = 0,

    /// <summary>Scheduled pulls.</summary>
    Pull = 1,

    /// <summary>Sweeps, backfills and other work nobody waits for.</summary>
    Background = 2,
}

/// <summary>
/// The priority of Notion requests made in the current async flow:
/// <c>using (NotionPriority.Enter(NotionRequestPriority.Interactive)) { ... }</c>.
/// Requests made outside any scope use <see cref="NotionRequestPriority.Pull"/>.
/// </summary>
public static class NotionPriority
{
    private static readonly AsyncLocal<NotionRequestPriority?> Ambient = new();

    internal static readonly HttpRequestOptionsKey<NotionRequestPriority> OptionKey = new("Hamgam.Notion.Priority");

    /// <summary>The priority in effect in the current async flow.</summary>
    public static NotionRequestPriority Current => Ambient.Value ?? NotionRequestPriority.Pull;

    /// <summary>Sets the priority for the current async flow until the returned scope is disposed.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>A scope that restores the previous priority.</returns>
    public static IDisposable Enter(NotionRequestPriority priority)
    {
        var scope = new Scope(Ambient.Value);
        Ambient.Value = priority;
        return scope;
    }

    private sealed class Scope(NotionRequestPriority? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
