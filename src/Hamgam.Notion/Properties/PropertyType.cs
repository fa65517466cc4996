using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Notion;

/// <summary>
/// The type of a Notion property, as an extensible string enum: Notion adds types over time, so any
/// string is a valid value and the well-known ones are offered as static members.
/// </summary>
/// <param name="Value">The wire name of the type, e.g. <c>"rich_text"</c>.</param>
[JsonConverter(typeof(PropertyTypeJsonConverter))]
public readonly record struct PropertyType(string Value)
{
    /// <summary><c>title</c>.</summary>
    public static PropertyType Title { get; } = new("title");
    /// <summary><c>rich_text</c>.</summary>
    public static PropertyType RichText { get; } = new("rich_text");
    /// <summary><c>select</c>.</summary>
    public static PropertyType Select { get; } = new("select");
    /// <summary><c>status</c>.</summary>
    public static PropertyType Status { get; } = new("status");
    /// <summary><c>multi_select</c>.</summary>
    public static PropertyType MultiSelect { get; } = new("multi_select");
    /// <summary><c>date</c>.</summary>
    public static PropertyType Date { get; } = new("date");
    /// <summary><c>checkbox</c>.</summary>
    public static PropertyType Checkbox { get; } = new("checkbox");
    /// <summary><c>number</c>.</summary>
    public static PropertyType Number { get; } = new("number");
    /// <summary><c>relation</c>.</summary>
    public static PropertyType Relation { get; } = new("relation");
    /// <summary><c>url</c>.</summary>
    public static PropertyType Url { get; } = new("url");
    /// <summary><c>email</c>.</summary>
    public static PropertyType Email { get; } = new("email");
    /// <summary><c>phone_number</c>.</summary>
    public static PropertyType PhoneNumber { get; } = new("phone_number");
    /// <summary><c>people</c>.</summary>
    public static PropertyType People { get; } = new("people");
    /// <summary><c>files</c>.</summary>
    public static PropertyType Files { get; } = new("files");
    /// <summary><c>formula</c>.</summary>
    public static PropertyType Formula { get; } = new("formula");
    /// <summary><c>rollup</c>.</summary>
    public static PropertyType Rollup { get; } = new("rollup");
    /// <summary><c>unique_id</c>.</summary>
    public static PropertyType UniqueId { get; } = new("unique_id");
    /// <summary><c>created_time</c>.</summary>
    public static PropertyType CreatedTime { get; } = new("created_time");
    /// <summary><c>last_edited_time</c>.</summary>
    public static PropertyType LastEditedTime { get; } = new("last_edited_time");
    /// <summary><c>created_by</c>.</summary>
    public static PropertyType CreatedBy { get; } = new("created_by");
    /// <summary><c>last_edited_by</c>.</summary>
    public static PropertyType LastEditedBy { get; } = new("last_edited_by");
    /// <summary><c>button</c>.</summary>
    public static PropertyType Button { get; } = new("button");
    /// <summary><c>place</c>.</summary>
    public static PropertyType Place { get; } = new("place");
    /// <summary><c>verification</c>.</summary>
    public static PropertyType Verification { get; } = new("verification");

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

internal sealed class PropertyTypeJsonConverter : JsonConverter<PropertyType>
{
    public override PropertyType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : string.Empty);

    public override void Write(Utf8JsonWriter writer, PropertyType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
