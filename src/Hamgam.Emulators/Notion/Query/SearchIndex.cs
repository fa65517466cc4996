using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion.Query;

/// <summary>What search knows of a page: the state it had when it was last indexed (no title: the page's own, read when needed).</summary>
internal sealed record SearchEntry(string? Title, bool InTrash, DateTimeOffset LastEditedTime);

/// <summary>
/// Notion's search index lags behind edits. With <see cref="NotionEmulatorOptions.SearchIndexingDelay"/> set, every
/// change of a page is recorded with its time, and search sees the newest state older than the delay (a page created
/// within the delay is not found at all). Without a delay, or for pages loaded from disk, search reads the page itself.
/// Callers hold the workspace lock.
/// </summary>
internal sealed class SearchIndex(NotionWorkspace workspace)
{
    private readonly Dictionary<string, List<(DateTimeOffset At, SearchEntry? Entry)>> _history = new(StringComparer.Ordinal);

    private TimeSpan Delay => workspace.Options.SearchIndexingDelay;

    /// <summary>Call before changing a page: the first time, keeps the state search knew until now.</summary>
    public void BeforeChange(NotionPage page)
    {
        if (Delay > TimeSpan.Zero && !_history.ContainsKey(page.Id))
        {
            _history[page.Id] = [(DateTimeOffset.MinValue, Live(page))];
        }
    }

    /// <summary>Call after creating or changing a page: records its state now (a new page is unknown to search before).</summary>
    public void Record(NotionPage page, bool created = false)
    {
        if (Delay <= TimeSpan.Zero)
        {
            return;
        }
        if (!_history.TryGetValue(page.Id, out var history))
        {
            history = [(DateTimeOffset.MinValue, created ? null : Live(page))];
            _history[page.Id] = history;
        }
        history.Add((workspace.Now, Live(page)));
    }

    /// <summary>The page as search sees it now, or <see langword="null"/> when search does not know it yet.</summary>
    public SearchEntry? Lookup(NotionPage page)
    {
        if (Delay <= TimeSpan.Zero || !_history.TryGetValue(page.Id, out var history))
        {
            return new SearchEntry(null, page.InTrash, page.LastEditedTime);
        }
        var asOf = workspace.Now - Delay;
        var newest = Math.Max(0, history.FindLastIndex(h => h.At <= asOf));
        if (newest > 0)
        {
            // Older states can never be seen again.
            history.RemoveRange(0, newest);
        }
        return history[0].Entry;
    }

    public void Clear() => _history.Clear();

    private SearchEntry Live(NotionPage page) => new(workspace.TitleOf(page), page.InTrash, page.LastEditedTime);
}
