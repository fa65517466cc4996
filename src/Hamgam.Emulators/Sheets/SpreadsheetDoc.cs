namespace Hamgam.Emulators.Sheets;

/// <summary>One spreadsheet. Writes happen on a <see cref="Clone"/> that replaces the original only on success.</summary>
internal sealed class SpreadsheetDoc
{
    public const long MaxCells = 10_000_000;

    public required string Id { get; init; }

    public required string Title { get; set; }

    public string Locale { get; set; } = "en_US";

    public string TimeZone { get; set; } = "Etc/GMT";

    /// <summary>Principals (client emails) the spreadsheet is shared with; null means everyone.</summary>
    public HashSet<string>? SharedWith { get; set; }

    public List<SheetDoc> Sheets { get; private set; } = [];

    public int NextId { get; set; } = 1_000_000_000;

    public long TotalCells => Sheets.Sum(s => s.CellCount);

    public SheetDoc? FindSheet(int sheetId) => Sheets.Find(s => s.SheetId == sheetId);

    public SheetDoc? FindSheet(string title) =>
        Sheets.Find(s => string.Equals(s.Title, title, StringComparison.OrdinalIgnoreCase));

    public int IndexOf(SheetDoc sheet) => Sheets.IndexOf(sheet);

    /// <summary>The sheet a range without a title refers to: the first visible one.</summary>
    public SheetDoc FirstVisibleSheet => Sheets.Find(s => !s.Hidden) ?? Sheets[0];

    /// <summary>A new id, deterministic per spreadsheet so tests and recordings are stable.</summary>
    public int NewId()
    {
        NextId = (int)((NextId * 1103515245L + 12345) % int.MaxValue);
        while (FindSheet(NextId) is not null)
        {
            NextId++;
        }

        return NextId;
    }

    public SpreadsheetDoc Clone()
    {
        var copy = (SpreadsheetDoc)MemberwiseClone();
        copy.Sheets = [.. Sheets.Select(s => s.Clone())];
        copy.SharedWith = SharedWith is null ? null : [.. SharedWith];
        return copy;
    }
}
