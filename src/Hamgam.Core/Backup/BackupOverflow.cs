using Hamgam.Sheets;

namespace Hamgam.Core.Backup;

/// <summary>
/// A Google Sheets cell holds at most 50,000 characters, and one longer cell fails the whole backup request. A longer
/// text keeps its first 50,000 characters in its own cell; the rest goes, in parts of at most 50,000, to rows of the
/// <see cref="Title"/> tab (Tab, Hamgam ID, Column, Part, Text), and a restore appends the parts in order. A surrogate
/// pair is never cut, so a part may be one shorter. The tab is written when needed and rewritten (emptied) by every
/// later backup while it exists, so it never holds stale parts.
/// </summary>
public static class BackupOverflow
{
    public const string Title = "Hamgam Overflow";

    /// <summary>Google's limit, in UTF-16 code units.</summary>
    public const int MaxCellCharacters = 50_000;

    public static IReadOnlyList<string> Header { get; } = ["Tab", BackupTabs.IdColumn, "Column", "Part", "Text"];

    /// <summary>The tabs with every long text cut to its first part, followed by the overflow tab when there are parts or <paramref name="tabExists"/>.</summary>
    public static List<BackupTab> Split(IReadOnlyList<BackupTab> tabs, bool tabExists)
    {
        ArgumentNullException.ThrowIfNull(tabs);
        var overflow = new List<IReadOnlyList<BackupCell>>();
        var result = new List<BackupTab>(tabs.Count + 1);
        foreach (var tab in tabs)
        {
            var rows = new List<IReadOnlyList<BackupCell>>(tab.Rows.Count);
            foreach (var row in tab.Rows)
            {
                rows.Add(SplitRow(tab, row, overflow));
            }

            result.Add(tab with { Rows = rows });
        }

        if (overflow.Count > 0 || tabExists)
        {
            result.Add(new BackupTab(Title, Header, overflow));
        }

        return result;
    }

    /// <summary>Whether a restored cell may have parts in the overflow tab (only a cell cut at the limit can).</summary>
    public static bool MayContinue(string? text) => text is { Length: >= MaxCellCharacters - 1 };

    /// <summary>
    /// The rows of <paramref name="tab"/> as read back, with each cut cell followed by its parts from the overflow tab's
    /// rows <paramref name="overflow"/> (header included). Rows are matched by the tab's Hamgam ID column.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<SheetValue>> Join(
        string tab, IReadOnlyList<IReadOnlyList<SheetValue>> rows, IReadOnlyList<IReadOnlyList<SheetValue>> overflow)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(overflow);
        if (rows.Count == 0)
        {
            return rows;
        }

        var header = rows[0].Select(v => v.ToString()).ToList();
        var idColumn = header.IndexOf(BackupTabs.IdColumn);
        var parts = overflow.Skip(1)
            .Where(r => r.Count >= 5 && r[0].ToString() == tab)
            .GroupBy(r => (Id: r[1].ToString(), Column: r[2].ToString()))
            .ToDictionary(g => g.Key, g => string.Concat(g.OrderBy(r => r[3].Number).Select(r => r[4].ToString())));
        if (idColumn < 0 || parts.Count == 0)
        {
            return rows;
        }

        var joined = new List<IReadOnlyList<SheetValue>>(rows.Count) { rows[0] };
        foreach (var row in rows.Skip(1))
        {
            var id = idColumn < row.Count ? row[idColumn].ToString() : "";
            var cells = row.ToArray();
            for (var c = 0; c < cells.Length && c < header.Count; c++)
            {
                if (parts.TryGetValue((id, header[c]), out var rest))
                {
                    cells[c] = SheetValue.FromString(cells[c].ToString() + rest);
                }
            }

            joined.Add(cells);
        }

        return joined;
    }

    private static IReadOnlyList<BackupCell> SplitRow(BackupTab tab, IReadOnlyList<BackupCell> row, List<IReadOnlyList<BackupCell>> overflow)
    {
        BackupCell[]? cut = null;
        for (var c = 0; c < row.Count; c++)
        {
            if (row[c].Text is not { Length: > MaxCellCharacters } text)
            {
                continue;
            }

            var parts = Parts(text);
            cut ??= [.. row];
            cut[c] = parts[0];
            for (var p = 1; p < parts.Count; p++)
            {
                overflow.Add([tab.Title, row[^1], tab.Header[c], new BackupCell(null, p), parts[p]]);
            }
        }

        return cut ?? row;
    }

    private static List<string> Parts(string text)
    {
        var parts = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var length = Math.Min(MaxCellCharacters, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            parts.Add(text.Substring(start, length));
            start += length;
        }

        return parts;
    }
}
