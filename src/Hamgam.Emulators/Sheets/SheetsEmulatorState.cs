namespace Hamgam.Emulators.Sheets;

/// <summary>A tab as the inspection API reports it.</summary>
public sealed record SheetsTabInfo(
    int SheetId,
    string Title,
    int Index,
    int RowCount,
    int ColumnCount,
    int FrozenRowCount,
    bool Hidden,
    bool HasBasicFilter);

/// <summary>One cell as the inspection API reports it.</summary>
public sealed record SheetsCellInfo(string FormattedValue, string? Formula, bool Bold, string? Note);

/// <summary>
/// The emulator's contents. Tests and the demo use it to create spreadsheets and look inside them without
/// going through HTTP, auth or quotas.
/// </summary>
public sealed class SheetsEmulatorState
{
    private readonly Dictionary<string, SpreadsheetDoc> _spreadsheets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly string? _persistPath;

    internal SheetsEmulatorState(string? persistPath)
    {
        _persistPath = persistPath;
        if (persistPath is not null && File.Exists(persistPath))
        {
            foreach (var doc in SheetsPersistence.Load(persistPath))
            {
                _spreadsheets[doc.Id] = doc;
            }
        }
    }

    /// <summary>Ids of all spreadsheets.</summary>
    public IReadOnlyList<string> SpreadsheetIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _spreadsheets.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>
    /// Creates a spreadsheet with one 1000×26 tab "Sheet1" (sheetId 0), as Drive does, and returns its id.
    /// With <paramref name="sharedWith"/>, other callers get 403 PERMISSION_DENIED.
    /// </summary>
    public string CreateSpreadsheet(string? spreadsheetId = null, string title = "Hamgam", IEnumerable<string>? sharedWith = null)
    {
        var id = spreadsheetId ?? NewSpreadsheetId();
        var doc = new SpreadsheetDoc
        {
            Id = id,
            Title = title,
            SharedWith = sharedWith is null ? null : new HashSet<string>(sharedWith, StringComparer.OrdinalIgnoreCase),
        };
        doc.Sheets.Add(new SheetDoc { SheetId = 0, Title = "Sheet1" });
        lock (_gate)
        {
            if (!_spreadsheets.TryAdd(id, doc))
            {
                throw new InvalidOperationException($"Spreadsheet {id} already exists.");
            }

            Persist();
        }

        return id;
    }

    /// <summary>The tabs of a spreadsheet in order.</summary>
    public IReadOnlyList<SheetsTabInfo> GetTabs(string spreadsheetId) =>
        Inspect(spreadsheetId, doc => doc.Sheets.Select((s, i) => Describe(s, i)).ToList());

    /// <summary>A tab by title (case-insensitive), or null.</summary>
    public SheetsTabInfo? FindTab(string spreadsheetId, string title) =>
        GetTabs(spreadsheetId).FirstOrDefault(t => string.Equals(t.Title, title, StringComparison.OrdinalIgnoreCase));

    /// <summary>A tab's displayed values as ragged rows: trailing empty cells and rows dropped, like values.get.</summary>
    public string[][] ReadCells(string spreadsheetId, string title) => Inspect(spreadsheetId, doc =>
    {
        var sheet = doc.FindSheet(title) ?? throw new KeyNotFoundException($"No tab '{title}'.");
        var rows = new List<string[]>();
        for (var r = 0; r < sheet.StoredRowCount; r++)
        {
            var row = new List<string>();
            for (var c = 0; c < sheet.StoredLength(r); c++)
            {
                row.Add(sheet.Get(r, c) is { HasValue: true } cell ? CellRender.Formatted(cell) : string.Empty);
            }

            while (row.Count > 0 && row[^1].Length == 0)
            {
                row.RemoveAt(row.Count - 1);
            }

            rows.Add([.. row]);
        }

        while (rows.Count > 0 && rows[^1].Length == 0)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return rows.ToArray();
    });

    /// <summary>One cell (0-based row and column), or null when it is empty.</summary>
    public SheetsCellInfo? GetCell(string spreadsheetId, string title, int row, int column) => Inspect(spreadsheetId, doc =>
    {
        var sheet = doc.FindSheet(title) ?? throw new KeyNotFoundException($"No tab '{title}'.");
        return sheet.Get(row, column) is { } cell
            ? new SheetsCellInfo(
                cell.HasValue ? CellRender.Formatted(cell) : string.Empty,
                cell.Formula,
                cell.Format?["textFormat"]?["bold"]?.GetValue<bool>() == true,
                cell.Note)
            : null;
    });

    /// <summary>The total cell count (rows × columns over all tabs), the figure Google's 10 million limit applies to.</summary>
    public long TotalCells(string spreadsheetId) => Inspect(spreadsheetId, doc => doc.TotalCells);

    internal T Read<T>(string spreadsheetId, string? principal, Func<SpreadsheetDoc, T> read)
    {
        lock (_gate)
        {
            return read(Find(spreadsheetId, principal));
        }
    }

    /// <summary>Runs <paramref name="write"/> on a copy and keeps the copy only if it returns without throwing.</summary>
    internal T Write<T>(string spreadsheetId, string? principal, Func<SpreadsheetDoc, T> write)
    {
        lock (_gate)
        {
            var copy = Find(spreadsheetId, principal).Clone();
            var result = write(copy);
            _spreadsheets[spreadsheetId] = copy;
            Persist();
            return result;
        }
    }

    internal IReadOnlyList<SpreadsheetDoc> Snapshot()
    {
        lock (_gate)
        {
            return [.. _spreadsheets.Values.OrderBy(d => d.Id, StringComparer.Ordinal)];
        }
    }

    internal SpreadsheetDoc Create(string title)
    {
        var id = CreateSpreadsheet(title: title);
        lock (_gate)
        {
            return _spreadsheets[id];
        }
    }

    private T Inspect<T>(string spreadsheetId, Func<SpreadsheetDoc, T> read)
    {
        lock (_gate)
        {
            return _spreadsheets.TryGetValue(spreadsheetId, out var doc)
                ? read(doc)
                : throw new KeyNotFoundException($"No spreadsheet '{spreadsheetId}'.");
        }
    }

    private SpreadsheetDoc Find(string spreadsheetId, string? principal)
    {
        if (!_spreadsheets.TryGetValue(spreadsheetId, out var doc))
        {
            throw SheetsError.NotFound();
        }

        if (doc.SharedWith is { } shared && (principal is null || !shared.Contains(principal)))
        {
            throw SheetsError.PermissionDenied();
        }

        return doc;
    }

    private static SheetsTabInfo Describe(SheetDoc sheet, int index) => new(
        sheet.SheetId,
        sheet.Title,
        index,
        sheet.RowCount,
        sheet.ColumnCount,
        sheet.FrozenRowCount,
        sheet.Hidden,
        sheet.BasicFilter is not null);

    private void Persist()
    {
        if (_persistPath is not null)
        {
            SheetsPersistence.Save(_persistPath, _spreadsheets.Values);
        }
    }

    private static string NewSpreadsheetId()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return "1" + string.Concat(Enumerable.Range(0, 43).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]));
    }
}
