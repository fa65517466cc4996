using Hamgam.Core.Data;

namespace Hamgam.Core.Fields;

/// <summary>
/// One syncable field of an entity: its logical name (also its camelCase API name), the default Notion
/// property it maps to, and how to read and write its canonical value on the entity. An optional field's
/// property may be absent from the data source: the schema check only mentions it and the field does not sync.
/// </summary>
public sealed record FieldDescriptor(
    string Name,
    string DefaultNotionProperty,
    FieldKind Kind,
    Func<SyncedEntity, string?> Get,
    Action<SyncedEntity, string?> Set,
    bool Required = false,
    bool Optional = false);

/// <summary>The syncable fields of one entity kind, in the order the seed lists them.</summary>
public sealed class EntityFieldSet
{
    private readonly Dictionary<string, FieldDescriptor> _byName;

    public EntityFieldSet(EntityKind kind, Type clrType, IReadOnlyList<FieldDescriptor> fields)
    {
        Kind = kind;
        ClrType = clrType;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public EntityKind Kind { get; }

    public Type ClrType { get; }

    public IReadOnlyList<FieldDescriptor> Fields { get; }

    public FieldDescriptor? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Every field's canonical value.</summary>
    public Dictionary<string, string?> Snapshot(SyncedEntity entity)
    {
        var snapshot = new Dictionary<string, string?>(Fields.Count, StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            snapshot[field.Name] = field.Get(entity);
        }

        return snapshot;
    }

    /// <summary>Writes the given canonical values; returns the names whose value actually changed.</summary>
    public List<string> Apply(SyncedEntity entity, IReadOnlyDictionary<string, string?> values)
    {
        var changed = new List<string>();
        foreach (var (name, value) in values)
        {
            var field = _byName.GetValueOrDefault(name)
                ?? throw new ArgumentException($"{Kind} has no field '{name}'.", nameof(values));
            if (!string.Equals(field.Get(entity), value, StringComparison.Ordinal))
            {
                field.Set(entity, value);
                changed.Add(name);
            }
        }

        return changed;
    }
}
