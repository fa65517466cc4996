using Hamgam.Sheets;

namespace Hamgam.Core.Backup;

/// <summary>Builds the one batchUpdate that replaces every tab's contents atomically.</summary>
public static class BackupBatch
{
    public static List<SheetsRequest> Build(IReadOnlyList<BackupTab> tabs, IReadOnlyList<Sheet> existing)
    {
        var requests = new List<SheetsRequest>();
        var used = existing.Select(s => s.Properties?.SheetId ?? 0).ToHashSet();
        var nextId = 1_000;
        foreach (var tab in tabs)
        {
            var sheetId = existing.FirstOrDefault(s => s.Properties?.Title == tab.Title)?.Properties?.SheetId;
            // Google refuses to freeze every row of a tab, so an empty tab keeps one blank row under its header.
            var rowCount = Math.Max(tab.Rows.Count + 1, 2);
            var columnCount = tab.Header.Count;
            if (sheetId is null)
            {
                while (used.Contains(nextId))
                {
                    nextId++;
                }

                sheetId = nextId;
                used.Add(nextId);
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

    private static List<RowData> Rows(BackupTab tab, int rowCount)
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
