using Hamgam.Sheets;

namespace Hamgam.Core.Backup;

/// <summary>
/// Packs batchUpdate requests, in order, into as few request bodies as possible, each at most <c>maxBytes</c> (UTF-8,
/// measured exactly with <see cref="SheetsPayload"/>). Rows of one tab are split into several updateCells requests where a
/// body fills up. A single request or row larger than the limit still goes alone (Google names no hard limit).
/// </summary>
internal sealed class BackupPacker(int maxBytes)
{
    private readonly List<List<SheetsRequest>> _batches = [];
    private List<SheetsRequest> _current = [];
    private int _currentBytes = SheetsPayload.EmptyBatchBytes;

    /// <summary>Room left in the current body for one more request (its separating comma included).</summary>
    private int Room => maxBytes - _currentBytes - (_current.Count > 0 ? 1 : 0);

    public void Add(SheetsRequest request) => Add(request, SheetsPayload.Bytes(request));

    /// <summary>Adds requests that must travel in the same body (e.g. the final swap), starting a new body if they do not fit.</summary>
    public void AddTogether(IReadOnlyList<SheetsRequest> requests)
    {
        var sizes = requests.Select(SheetsPayload.Bytes).ToList();
        if (_current.Count > 0 && sizes.Sum() + sizes.Count > Room + 1)
        {
            Flush();
        }

        for (var i = 0; i < requests.Count; i++)
        {
            Append(requests[i], sizes[i]);
        }
    }

    /// <summary>Writes <paramref name="rows"/> into rows <paramref name="startRow"/>… of a tab, over as many updateCells as needed.</summary>
    public void AddRows(int sheetId, int startRow, int columnCount, IReadOnlyList<RowData> rows)
    {
        var sizes = rows.Select(SheetsPayload.Bytes).ToList();
        // The widest range this tab's chunks can have, written with no rows: an upper bound of every chunk's own overhead.
        var overhead = SheetsPayload.Bytes(Write(sheetId, startRow + rows.Count, startRow + rows.Count, columnCount, []));
        var next = 0;
        while (next < rows.Count)
        {
            if (_current.Count > 0 && overhead + sizes[next] > Room)
            {
                Flush();
            }

            var end = next;
            var bytes = overhead;
            do
            {
                bytes += sizes[end] + (end > next ? 1 : 0);
                end++;
            }
            while (end < rows.Count && bytes + 1 + sizes[end] <= Room);

            Append(Write(sheetId, startRow + next, startRow + end, columnCount, [.. rows.Skip(next).Take(end - next)]), bytes);
            next = end;
        }
    }

    /// <summary>The bodies, in the order they must be sent.</summary>
    public List<List<SheetsRequest>> Finish()
    {
        Flush();
        return _batches;
    }

    private void Add(SheetsRequest request, int bytes)
    {
        if (_current.Count > 0 && bytes > Room)
        {
            Flush();
        }

        Append(request, bytes);
    }

    private void Append(SheetsRequest request, int bytes)
    {
        _currentBytes += bytes + (_current.Count > 0 ? 1 : 0);
        _current.Add(request);
    }

    private void Flush()
    {
        if (_current.Count > 0)
        {
            _batches.Add(_current);
            _current = [];
            _currentBytes = SheetsPayload.EmptyBatchBytes;
        }
    }

    private static SheetsRequest Write(int sheetId, int startRow, int endRow, int columnCount, IReadOnlyList<RowData> rows) =>
        SheetsRequest.WriteCells(
            new GridRange { SheetId = sheetId, StartRowIndex = startRow, EndRowIndex = endRow, StartColumnIndex = 0, EndColumnIndex = columnCount },
            rows);
}
