using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Notion;

/// <summary>Reads property values by their <c>type</c>; anything unreadable is kept raw, never thrown.</summary>
internal sealed class PropertyValueJsonConverter : JsonConverter<PropertyValue>
{
    public override PropertyValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PropertyValueReader.Read(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, PropertyValue value, JsonSerializerOptions options)
    {
        if (value is UnknownPropertyValue unknown)
        {
            unknown.Raw.WriteTo(writer);
            return;
        }

        throw new NotSupportedException("Property values are read-only models; build request values with PropertyInput.");
    }
}

internal static class PropertyValueReader
{
    public static PropertyValue Read(JsonElement element)
    {
        var id = GetString(element, "id") ?? string.Empty;
        var type = new PropertyType(GetString(element, "type") ?? string.Empty);
        try
        {
            var value = element.TryGetProperty(type.Value, out var inner) ? inner : default;
            return ReadKnown(element, id, type, value) ?? new UnknownPropertyValue(id, type, element);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException or OverflowException or KeyNotFoundException)
        {
            return new UnknownPropertyValue(id, type, element);
        }
    }

    private static PropertyValue? ReadKnown(JsonElement element, string id, PropertyType type, JsonElement value) => type.Value switch
    {
        "title" => new TitleValue(id, RichTexts(value)),
        "rich_text" => new RichTextValue(id, RichTexts(value)),
        "select" => IsNullOrObject(value) ? new SelectValue(id, Option(value)) : null,
        "status" => IsNullOrObject(value) ? new StatusValue(id, Option(value)) : null,
        "multi_select" => new MultiSelectValue(id, Deserialize(value, NotionJsonContext.Default.IReadOnlyListSelectOption)),
        "date" => IsNullOrObject(value) ? new DateValue(id, NotionDate.FromJson(value)) : null,
        "checkbox" => new CheckboxValue(id, value.GetBoolean()),
        "number" => ReadNumber(value, out var number) ? new NumberValue(id, number) : null,
        "relation" => new RelationValue(id, RelationIds(value), GetBool(element, "has_more")),
        "url" => new UrlValue(id, NullableString(value)),
        "email" => new EmailValue(id, NullableString(value)),
        "phone_number" => new PhoneNumberValue(id, NullableString(value)),
        "people" => new PeopleValue(id, Deserialize(value, NotionJsonContext.Default.IReadOnlyListNotionUser)),
        "files" => new FilesValue(id, Deserialize(value, NotionJsonContext.Default.IReadOnlyListNotionFile)),
        "formula" => ReadFormula(id, value),
        "rollup" => ReadRollup(id, value),
        "unique_id" => new UniqueIdValue(id, GetString(value, "prefix"), GetInt64(value, "number")),
        "created_time" => new CreatedTimeValue(id, NotionDate.ParseInstant(value.GetString()!)),
        "last_edited_time" => new LastEditedTimeValue(id, NotionDate.ParseInstant(value.GetString()!)),
        "created_by" => new CreatedByValue(id, value.Deserialize(NotionJsonContext.Default.NotionUser)!),
        "last_edited_by" => new LastEditedByValue(id, value.Deserialize(NotionJsonContext.Default.NotionUser)!),
        _ => null,
    };

    private static FormulaValue? ReadFormula(string id, JsonElement value)
    {
        var type = GetString(value, "type");
        if (type is null)
        {
            return null;
        }

        value.TryGetProperty(type, out var result);
        return new FormulaValue(id, new FormulaResult(
            type,
            type == "string" ? NullableString(result) : null,
            type == "number" && ReadNumber(result, out var number) ? number : null,
            type == "boolean" && result.ValueKind is JsonValueKind.True or JsonValueKind.False ? result.GetBoolean() : null,
            type == "date" ? NotionDate.FromJson(result) : null));
    }

    private static RollupValue? ReadRollup(string id, JsonElement value)
    {
        var type = GetString(value, "type");
        if (type is null)
        {
            return null;
        }

        value.TryGetProperty(type, out var result);
        var items = type == "array" && result.ValueKind == JsonValueKind.Array
            ? result.EnumerateArray().Select(Read).ToArray()
            : [];
        return new RollupValue(id, new RollupResult(
            type,
            GetString(value, "function"),
            type == "number" && ReadNumber(result, out var number) ? number : null,
            type == "date" ? NotionDate.FromJson(result) : null,
            items));
    }

    private static IReadOnlyList<RichText> RichTexts(JsonElement value) =>
        Deserialize(value, NotionJsonContext.Default.IReadOnlyListRichText);

    private static IReadOnlyList<T> Deserialize<T>(JsonElement value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<IReadOnlyList<T>> info) =>
        value.ValueKind == JsonValueKind.Array
            ? value.Deserialize(info) ?? []
            : throw new JsonException($"Expected an array, found {value.ValueKind}.");

    private static SelectOption? Option(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value.Deserialize(NotionJsonContext.Default.SelectOption) : null;

    private static string[] RelationIds(JsonElement value) =>
        value.EnumerateArray().Select(r => GetString(r, "id")).OfType<string>().ToArray();

    private static bool ReadNumber(JsonElement value, out decimal? number)
    {
        number = null;
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d))
        {
            number = d;
            return true;
        }

        return false;
    }

    private static bool IsNullOrObject(JsonElement value) => value.ValueKind is JsonValueKind.Null or JsonValueKind.Object;

    private static string? NullableString(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null
        : throw new JsonException($"Expected a string, found {value.ValueKind}.");

    internal static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()
            : null;

    private static bool GetBool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.True;

    private static long? GetInt64(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var p) && p.TryGetInt64(out var n) ? n : null;
}
