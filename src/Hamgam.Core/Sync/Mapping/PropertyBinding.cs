using System.Text.Json;
using System.Text.Json.Serialization;
using Hamgam.Core.Fields;

namespace Hamgam.Core.Sync.Mapping;

/// <summary>
/// Where one field lives in a Notion data source: the property's id (stable across renames), name and type; for a
/// status property, the names of the options in its "Complete" group (what counts as done), as of the last schema read.
/// </summary>
public sealed record PropertyBinding(string Field, string Id, string Name, string Type, IReadOnlyList<string>? CompleteOptions = null);

/// <summary>The bindings of every field of one entity, remembered between pulls by property id.</summary>
public sealed class SchemaBindings
{
    private readonly Dictionary<string, PropertyBinding> _byField;

    public SchemaBindings(IEnumerable<PropertyBinding> bindings)
    {
        _byField = bindings.ToDictionary(b => b.Field, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<PropertyBinding> All => _byField.Values;

    public PropertyBinding? For(string field) => _byField.GetValueOrDefault(field);

    public PropertyBinding? ById(string propertyId) => _byField.Values.FirstOrDefault(b => b.Id == propertyId);

    public string Serialize() => JsonSerializer.Serialize(_byField.Values.ToList(), BindingJson.Default.ListPropertyBinding);

    public static SchemaBindings? Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? null : new SchemaBindings(JsonSerializer.Deserialize(json, BindingJson.Default.ListPropertyBinding) ?? []);

    /// <summary>The Notion types a field of this kind may have.</summary>
    public static bool Accepts(FieldKind kind, string notionType) => kind switch
    {
        FieldKind.Title => notionType == "title",
        FieldKind.Text => notionType is "rich_text" or "title",
        FieldKind.Select => notionType is "select" or "status",
        FieldKind.Status => notionType is "select" or "status",
        FieldKind.MultiSelect => notionType == "multi_select",
        FieldKind.Date => notionType == "date",
        FieldKind.Checkbox => notionType == "checkbox",
        FieldKind.Number => notionType == "number",
        FieldKind.Relation => notionType == "relation",
        _ => false,
    };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<PropertyBinding>))]
internal sealed partial class BindingJson : JsonSerializerContext;
