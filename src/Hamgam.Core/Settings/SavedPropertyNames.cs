using Hamgam.Core.Data;

namespace Hamgam.Core.Settings;

/// <summary>
/// The property names saved on the settings page, as this process knows them. <see cref="Sync.NotionSyncOptions.PropertyName"/>
/// consults it first. Read from the database on first use (after migrations, by the first pull, push or check), replaced on
/// every save here, and refreshed before each scheduled sync so a save in another process is seen too.
/// </summary>
public sealed class SavedPropertyNames(SettingsStore store)
{
    private PropertyMapping? _current;

    public PropertyMapping Current => Volatile.Read(ref _current) ?? Load();

    public async Task RefreshAsync(CancellationToken cancellationToken = default) =>
        Volatile.Write(ref _current, await store.GetMappingAsync(cancellationToken));

    /// <summary>Saves names of one entity's fields (see <see cref="SettingsStore.SaveMappingAsync"/>); this process uses them at once.</summary>
    public async Task<PropertyMapping> SaveAsync(EntityKind kind, IReadOnlyDictionary<string, string?> names, CancellationToken cancellationToken = default)
    {
        var saved = await store.SaveMappingAsync(kind, names, cancellationToken);
        Volatile.Write(ref _current, saved);
        return saved;
    }

    private PropertyMapping Load()
    {
        var loaded = store.GetMapping();
        Volatile.Write(ref _current, loaded);
        return loaded;
    }
}
