namespace Hamgam.Web.Infrastructure.Live;

/// <summary>The <c>Live</c> section: how fast each side sees the other while Hamgam runs.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Every committed local change wakes the pusher (the schedule stays the safety net).</summary>
    public bool PushOnSave { get; set; } = true;

    /// <summary>A push waits this long after the last save, so a burst of edits goes out as one request per page.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>However long a burst goes on, its first save waits no longer than this.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>While Hamgam is in use, pull this often; otherwise only the <c>Sync:PullCron</c> schedule pulls. Zero turns it off.</summary>
    public TimeSpan ActivePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>"In use": a dashboard page is open, or an authenticated API request came in this recently.</summary>
    public TimeSpan ActiveWindow { get; set; } = TimeSpan.FromMinutes(10);
}
