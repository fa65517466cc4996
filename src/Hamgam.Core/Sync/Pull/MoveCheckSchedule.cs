namespace Hamgam.Core.Sync.Pull;

/// <summary>
/// When this process last searched for pages moved out of the four data sources. Kept in memory, so an idle poll writes
/// nothing: after a restart the first incremental poll checks at once. One per process (a singleton).
/// </summary>
public sealed class MoveCheckSchedule
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _last;

    /// <summary>
    /// Whether a poll at <paramref name="now"/> should search for moves, <paramref name="every"/> after the last search
    /// (zero: every poll; negative or infinite: never, the full pull notices moves); if so, it reads back to
    /// <paramref name="since"/> (the last search, or the pull cursor when that is older) and counts as done.
    /// </summary>
    public bool TryStart(DateTimeOffset now, TimeSpan every, DateTimeOffset cursor, out DateTimeOffset since)
    {
        since = cursor;
        if (every < TimeSpan.Zero)
        {
            return false;
        }

        lock (_gate)
        {
            if (_last is { } last && now - last < every)
            {
                return false;
            }

            // Anything moved since the last search was edited after it; the earlier of the two bounds misses nothing.
            since = _last is { } previous && previous < cursor ? previous : cursor;
            _last = now;
            return true;
        }
    }
}
