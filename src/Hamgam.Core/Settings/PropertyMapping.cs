using Hamgam.Core.Data;

namespace Hamgam.Core.Settings;

/// <summary>The Notion property names saved on the settings page, by entity and logical field (an immutable snapshot).</summary>
public sealed class PropertyMapping
{
    private readonly Dictionary<(EntityKind Kind, string Field), string> _names;

    public PropertyMapping(IEnumerable<KeyValuePair<(EntityKind Kind, string Field), string>> names)
    {
        _names = new Dictionary<(EntityKind, string), string>(names);
    }

    public static PropertyMapping Empty { get; } = new([]);

    public int Count => _names.Count;

    /// <summary>The saved name of a field's property; null when none is saved (configuration or the default applies).</summary>
    public string? Find(EntityKind kind, string field) => _names.GetValueOrDefault((kind, field));

    /// <summary>The saved names of one entity, by field.</summary>
    public IReadOnlyDictionary<string, string> For(EntityKind kind) =>
        _names.Where(n => n.Key.Kind == kind).ToDictionary(n => n.Key.Field, n => n.Value, StringComparer.Ordinal);

    /// <summary>This snapshot with some fields of <paramref name="kind"/> changed (a null or blank name removes the field's entry).</summary>
    public PropertyMapping With(EntityKind kind, IReadOnlyDictionary<string, string?> names)
    {
        var copy = new Dictionary<(EntityKind, string), string>(_names);
        foreach (var (field, name) in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                copy.Remove((kind, field));
            }
            else
            {
                copy[(kind, field)] = name.Trim();
            }
        }

        return new PropertyMapping(copy);
    }
}
