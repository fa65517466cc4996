using Hamgam.Core.Data;

namespace Hamgam.Core.Backup.Restore;

/// <summary>Finds the dashboard row for a backup row: by id (tombstones included), else by natural key among live rows; each once.</summary>
internal sealed class RestoreMatcher
{
    private readonly RestoreTab _tab;
    private readonly IReadOnlyList<SyncedEntity> _locals;
    private readonly Dictionary<Guid, SyncedEntity> _byId;
    private readonly Dictionary<string, List<SyncedEntity>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, int> _matchedBy = [];

    public RestoreMatcher(RestoreTab tab, IReadOnlyList<SyncedEntity> locals)
    {
        _tab = tab;
        _locals = locals;
        _byId = locals.ToDictionary(e => e.Id);
        foreach (var entity in locals.Where(e => !e.IsDeleted))
        {
            if (Key(tab.LocalKey(entity)) is { } key)
            {
                (_byKey.TryGetValue(key, out var list) ? list : _byKey[key] = []).Add(entity);
            }
        }
    }

    /// <summary>The matching row, or null for a new one; <paramref name="earlierRow"/> is set when that row was already taken.</summary>
    public SyncedEntity? Match(Guid? id, IReadOnlyList<string?> key, int rowNumber, out int? earlierRow)
    {
        earlierRow = null;
        SyncedEntity? match = null;
        if (id is { } known && _byId.TryGetValue(known, out var byId))
        {
            match = byId;
        }
        else if (Key(key) is { } k && _byKey.TryGetValue(k, out var candidates))
        {
            // Several rows may share a key (two logs of one day); a key whose rows are all taken is a duplicate row.
            match = candidates.FirstOrDefault(c => !_matchedBy.ContainsKey(c.Id)) ?? candidates[0];
        }

        if (match is null)
        {
            return null;
        }

        if (_matchedBy.TryGetValue(match.Id, out var first))
        {
            earlierRow = first;
            return null;
        }

        _matchedBy[match.Id] = rowNumber;
        return match;
    }

    /// <summary>Live dashboard rows inside the backup's window that no backup row matched.</summary>
    public IEnumerable<SyncedEntity> Unmatched(Func<SyncedEntity, bool> inWindow) =>
        _locals.Where(e => !e.IsDeleted && !_matchedBy.ContainsKey(e.Id) && inWindow(e));

    private string? Key(IReadOnlyList<string?> parts) =>
        parts.Count == _tab.KeyColumns.Count && parts.All(p => p is not null) ? string.Join('\u001f', parts) : null;
}
