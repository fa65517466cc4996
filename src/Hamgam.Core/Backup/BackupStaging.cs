using Hamgam.Sheets;

namespace Hamgam.Core.Backup;

/// <summary>
/// A split backup: its request bodies in order, and the staging tabs they create (sheetId → the title each takes at the swap).
/// </summary>
public sealed record StagedBackup(IReadOnlyList<IReadOnlyList<SheetsRequest>> Batches, IReadOnlyDictionary<int, string> Staging)
{
    /// <summary>Whether the final swap has been applied: every staging tab now carries its tab's title.</summary>
    public bool IsSwapped(IReadOnlyList<Sheet> sheets) => Staging.All(staged =>
        sheets.Any(s => s.Properties?.SheetId == staged.Key && s.Properties.Title == staged.Value));
}

/// <summary>
/// The backup for payloads above <see cref="SheetsBackupOptions.MaxRequestBytes"/>. Google names no hard request-size
/// limit but recommends at most 2 MB per request (docs/sheets-api.md §2 "Payload", https://developers.google.com/sheets/api/limits),
/// so the data goes into hidden staging tabs ("Daily Log (staging 42)") over several batchUpdates, each under the limit,
/// and one last atomic batchUpdate (docs/sheets-api.md §3, option 3 "temp sheet and swap") deletes the old tabs and puts
/// the staging tabs in their place: same title and position, shown, with the bold frozen header they were built with.
/// Until that last request the previous backup is untouched; staging tabs of a failed run are deleted (best effort)
/// and, failing that, at the start of the next backup. Deleting a tab drops its sheetId: readers find tabs by title.
/// </summary>
public static class BackupStaging
{
    private const string Marker = " (staging ";

    /// <summary>The staging title of a tab for one run.</summary>
    public static string Title(string tab, long runId) => $"{tab}{Marker}{runId})";

    /// <summary>Whether a title is a staging tab of any run.</summary>
    public static bool IsStaging(string? title) =>
        title is not null && title.EndsWith(')') && BackupTabs.Titles.Append(BackupOverflow.Title).Any(t => title.StartsWith(t + Marker, StringComparison.Ordinal));

    /// <summary>deleteSheet requests for the staging tabs an earlier run left behind.</summary>
    public static List<SheetsRequest> DeleteLeftovers(IReadOnlyList<Sheet> existing) =>
    [
        .. existing.Where(s => IsStaging(s.Properties?.Title) && s.Properties!.SheetId is not null)
            .Select(s => SheetsRequest.DeleteTab(s.Properties!.SheetId!.Value)),
    ];

    /// <summary>
    /// Plans the split backup: leftover staging tabs deleted and the staging tabs written, packed into bodies of at most
    /// <paramref name="maxBytes"/>; the swap rides in the last body (alone in a new one if it does not fit).
    /// </summary>
    public static StagedBackup Plan(IReadOnlyList<BackupTab> tabs, IReadOnlyList<Sheet> existing, long runId, int maxBytes)
    {
        var packer = new BackupPacker(maxBytes);
        var leftovers = DeleteLeftovers(existing);
        leftovers.ForEach(packer.Add);
        var ids = new SheetIdPool(existing);
        var staging = new Dictionary<int, string>();
        foreach (var tab in tabs)
        {
            var sheetId = ids.Next();
            staging[sheetId] = tab.Title;
            var rowCount = BackupBatch.RowCount(tab);
            packer.Add(SheetsRequest.AddTab(Title(tab.Title, runId), sheetId, rowCount, tab.Header.Count, frozenRowCount: 1, hidden: true));
            packer.Add(SheetsRequest.BoldRows(sheetId, 1));
            // A fresh tab is empty, so only the header and the data are written (no clearing rows).
            packer.AddRows(sheetId, 0, tab.Header.Count, BackupBatch.Rows(tab, tab.Rows.Count + 1));
        }

        var leftoverIds = leftovers.Select(r => r.DeleteSheet!.SheetId).ToHashSet();
        packer.AddTogether(Swap(staging, [.. existing.Where(s => !leftoverIds.Contains(s.Properties?.SheetId ?? -1))]));
        return new StagedBackup(packer.Finish(), staging);
    }

    /// <summary>
    /// Shows every staging tab first (Google refuses a spreadsheet with no visible tab, even for a moment), then, for each tab
    /// in the order of the old tabs, deletes the old tab and moves its staging tab to the old position under the old title.
    /// New staging tabs were added at the end, so every move is backwards and "before the move" indexes need no correction.
    /// </summary>
    private static List<SheetsRequest> Swap(Dictionary<int, string> staging, IReadOnlyList<Sheet> kept)
    {
        var order = kept.OrderBy(s => s.Properties?.Index ?? 0).Select(s => s.Properties?.SheetId ?? 0).Concat(staging.Keys).ToList();
        var requests = staging.Keys.Select(id => SheetsRequest.SetHidden(id, hidden: false)).ToList();
        var replaced = kept
            .Where(s => s.Properties?.Title is { } title && staging.ContainsValue(title))
            .OrderBy(s => order.IndexOf(s.Properties!.SheetId ?? 0));
        foreach (var old in replaced.Select(s => s.Properties!))
        {
            var oldId = old.SheetId ?? 0;
            var stagingId = staging.First(s => s.Value == old.Title).Key;
            var index = order.IndexOf(oldId);
            requests.Add(SheetsRequest.DeleteTab(oldId));
            requests.Add(SheetsRequest.ShowAs(stagingId, old.Title!, index));
            order.Remove(oldId);
            order.Remove(stagingId);
            order.Insert(index, stagingId);
        }

        requests.AddRange(staging.Where(s => !kept.Any(k => k.Properties?.Title == s.Value)).Select(s => SheetsRequest.ShowAs(s.Key, s.Value)));
        return requests;
    }
}
