using Hamgam.Sheets;

namespace Hamgam.Core.Backup.Restore;

/// <summary>Checks a tab's header row against the columns the backup writes.</summary>
internal static class RestoreHeader
{
    /// <summary>
    /// Null when the header matches; <paramref name="hasId"/> is false for a backup written before the id column existed
    /// (its rows are matched by natural key).
    /// </summary>
    public static RestoreProblem? Check(RestoreTab tab, IReadOnlyList<SheetValue> header, out bool hasId)
    {
        var actual = header.Select(c => c.ToString().Trim()).ToList();
        while (actual.Count > 0 && actual[^1].Length == 0)
        {
            actual.RemoveAt(actual.Count - 1);
        }

        var expected = tab.Header;
        hasId = actual.Count == expected.Count;
        for (var i = 0; i < Math.Max(actual.Count, expected.Count); i++)
        {
            if (i >= actual.Count)
            {
                return i == expected.Count - 1 ? null : Problem(tab, i, $"Column {ColumnName(i)} should be \"{expected[i]}\" but is missing.");
            }

            if (i >= expected.Count)
            {
                return Problem(tab, i, $"Column {ColumnName(i)} (\"{actual[i]}\") is not a column of the {tab.Title} backup.");
            }

            if (!string.Equals(actual[i], expected[i], StringComparison.OrdinalIgnoreCase))
            {
                return Problem(tab, i, $"Column {ColumnName(i)} should be \"{expected[i]}\" but is \"{actual[i]}\".");
            }
        }

        return null;
    }

    /// <summary>A1 column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static RestoreProblem Problem(RestoreTab tab, int index, string message) =>
        new(tab.Title, 1, index < tab.Header.Count ? tab.Header[index] : null, message + " Nothing in this tab was restored.");
}
