using Hamgam.Core.Sync.Merge;

namespace Hamgam.Core.Tests.Faults;

/// <summary>
/// The test's own account of which (record, field) pairs were edited on both sides. <see cref="Required"/> holds the pairs
/// that must end in the conflict inbox: a field given a value never used before on one side while the other side had a
/// change of the same field not yet synced. Every inbox entry must be among the pairs edited on both sides at some point.
/// </summary>
internal sealed class ConflictLedger
{
    private readonly HashSet<(Guid Id, string Field)> _local = [];
    private readonly HashSet<(string PageId, string Field)> _notion = [];
    private readonly HashSet<Guid> _localDeleted = [];
    private readonly HashSet<string> _notionTrashed = new(StringComparer.Ordinal);
    private readonly HashSet<(Guid Id, string Field)> _required = [];

    public int LocalEdits { get; private set; }

    public int NotionEdits { get; private set; }

    public void Local(Guid id, IEnumerable<string> fields)
    {
        LocalEdits++;
        foreach (var field in fields)
        {
            _local.Add((id, field));
        }
    }

    public void LocalDelete(Guid id)
    {
        LocalEdits++;
        _localDeleted.Add(id);
        _local.Add((id, ThreeWayMerge.DeletedField));
    }

    public void Notion(string pageId, IEnumerable<string> fields)
    {
        NotionEdits++;
        foreach (var field in fields)
        {
            _notion.Add((pageId, field));
        }
    }

    public void NotionTrash(string pageId)
    {
        NotionEdits++;
        _notionTrashed.Add(pageId);
        _notion.Add((pageId, ThreeWayMerge.DeletedField));
    }

    /// <summary>The other side had an unsynced change of this field when this side wrote a fresh value: a conflict is due.</summary>
    public void Require(Guid id, string field) => _required.Add((id, field));

    /// <summary>The pairs that must be in the inbox, leaving out records deleted on either side (a delete settles them otherwise).</summary>
    public IReadOnlyCollection<(Guid Id, string Field)> Required(IReadOnlyDictionary<Guid, string?> notionIds) =>
        [.. _required.Where(r => !_localDeleted.Contains(r.Id)
            && !(notionIds.GetValueOrDefault(r.Id) is { } page && _notionTrashed.Contains(page)))];

    /// <summary>Whether an inbox entry is explained by edits on both sides of that record.</summary>
    public bool Explains(Guid id, string field, string? pageId)
    {
        var localTouched = _local.Contains((id, field)) || _localDeleted.Contains(id);
        var notionTouched = pageId is not null && (_notion.Contains((pageId, field)) || _notionTrashed.Contains(pageId));
        if (field == ThreeWayMerge.DeletedField)
        {
            localTouched = _local.Any(l => l.Id == id);
            notionTouched = pageId is not null && _notion.Any(n => n.PageId == pageId);
        }

        return localTouched && notionTouched;
    }
}
