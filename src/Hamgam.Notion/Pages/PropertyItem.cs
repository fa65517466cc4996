using System.Text.Json;

namespace Hamgam.Notion;

/// <summary>One item from <c>GET /v1/pages/{id}/properties/{property_id}</c>: a relation entry, a rich
/// text segment, a person, or a whole non-list value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Type">The property type.</param>
/// <param name="Raw">The whole <c>property_item</c> object.</param>
public sealed record PropertyItem(string Id, PropertyType Type, JsonElement Raw)
{
    /// <summary>The value under the type's key (e.g. <c>{"id":"..."}</c> for a relation item).</summary>
    public JsonElement Value => Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty(Type.Value, out var v) ? v : default;

    /// <summary>The related page id of a relation item; otherwise <see langword="null"/>.</summary>
    public string? RelationPageId => Type == PropertyType.Relation ? PropertyValueReader.GetString(Value, "id") : null;

    /// <summary>The segment of a title or rich text item; otherwise <see langword="null"/>.</summary>
    public RichText? RichText => (Type == PropertyType.Title || Type == PropertyType.RichText) && Value.ValueKind == JsonValueKind.Object
        ? Value.Deserialize(NotionJsonContext.Default.RichText)
        : null;

    /// <summary>The value of a non-list item read as a page property value.</summary>
    /// <returns>The value; unknown shapes become <see cref="UnknownPropertyValue"/>.</returns>
    public PropertyValue AsPropertyValue() => PropertyValueReader.Read(Raw);

    internal static PropertyItem FromJson(JsonElement element) => new(
        PropertyValueReader.GetString(element, "id") ?? string.Empty,
        new PropertyType(PropertyValueReader.GetString(element, "type") ?? string.Empty),
        element.Clone());
}
