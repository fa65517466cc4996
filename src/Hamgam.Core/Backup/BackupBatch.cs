using Hamgam.Sheets;

namespace Hamgam.Core.Backup;

/// <summary>
/// Builds the one batchUpdate that replaces every tab's contents atomically (used while the body stays under
/// <see cref="SheetsBackupOptions.MaxRequestBytes"/>; larger backups go through <see cref="BackupStaging"/>).
/// It also deletes staging tabs a crashed split backup left behind.
/// </summary>
public static class BackupBatch
{
    public static List<SheetsRequest> Build(IReadOnlyList<BackupTab> tabs, IReadOnlyList<Sheet> existing)
    {
        var requests = BackupStaging.DeleteLeftovers(existing);
        var ids = new SheetIdPool(existing);
        foreach (var tab in tabs)
        {
            var sheetId = existing.FirstOrDefault(s => s.Properties?.Title == tab.Title)?.Properties?.SheetId;
            var rowCount = RowCount(tab);
            var columnCount = tab.Header.Count;
            if (sheetId is null)
            {
                sheetId = ids.Next();
                requests.Add(SheetsRequest.AddTab(tab.Title, sheetId, rowCount, columnCount, frozenRowCount: 1));
            }

            requests.Add(SheetsRequest.ResizeGrid(sheetId.Value, rowCount, columnCount, frozenRowCount: 1));
            requests.Add(SheetsRequest.WriteCells(
                new GridRange { SheetId = sheetId, StartRowIndex = 0, EndRowIndex = rowCount, StartColumnIndex = 0, EndColumnIndex = columnCount },
                Rows(tab, rowCount)));
            requests.Add(SheetsRequest.BoldRows(sheetId.Value, 1));
        }

        return requests;
    }

    /// <summary>A tab's grid height. Google refuses to freeze every row of a tab, so an empty tab keeps one blank row under its header.</summary>
    internal static int RowCount(BackupTab tab) => Math.Max(tab.Rows.Count + 1, 2);

    /// <summary>The header and data rows, padded with empty rows (which clear older cells) up to <paramref name="rowCount"/>.</summary>
    internal static List<RowData> Rows(BackupTab tab, int rowCount)
    {
        var rows = new List<RowData>(rowCount) { new() { Values = [.. tab.Header.Select(h => new CellData { UserEnteredValue = ExtendedValue.FromString(h) })] } };
        foreach (var row in tab.Rows)
        {
            rows.Add(new RowData { Values = [.. row.Select(Cell)] });
        }

        while (rows.Count < rowCount)
        {
            // An empty cell with the userEnteredValue mask clears whatever an older backup left there.
            rows.Add(new RowData { Values = [.. tab.Header.Select(_ => new CellData())] });
        }

        return rows;
    }

    private static CellData Cell(BackupCell cell) => cell switch
    {
        { Number: { } n } => new CellData { UserEnteredValue = ExtendedValue.FromNumber(n) },
        { Text: { Length: > 0 } text } => new CellData { UserEnteredValue = ExtendedValue.FromString(text) },
        _ => new CellData(),
    };
}

/// <summary>Picks sheetIds no tab uses yet (chosen by us, so later requests and batches can refer to new tabs).</summary>
internal sealed class SheetIdPool(IReadOnlyList<Sheet> existing)
{
    private readonly HashSet<int> _used = [.. existing.Select(s => s.Properties?.SheetId ?? 0)];
    private int _next = 1_000;

    public int Next()
    {
        while (!_used.Add(_next))
        {
            _next++;
        }

        return _next;
    }
}
