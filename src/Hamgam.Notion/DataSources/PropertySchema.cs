using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Notion;

/// <summary>One property in a data source schema. Type-specific configuration is kept raw in
/// <see cref="Config"/>; the parts a sync needs (options, groups, relation target) are typed.</summary>
[JsonConverter(typeof(PropertySchemaJsonConverter))]
public sealed record PropertySchema
{
    /// <summary>The property id.</summary>
    public string Id { get; init; } = string.Empty;
    /// <summary>The property name.</summary>
    public string Name { get; init; } = string.Empty;
    /// <summary>The description, if any.</summary>
    public string? Description { get; init; }
    /// <summary>The property type.</summary>
    public PropertyType Type { get; init; }
    /// <summary>The options of a select, multi-select or status property; empty otherwise.</summary>
    public IReadOnlyList<SelectOption> Options { get; init; } = [];
    /// <summary>The groups of a status property; empty otherwise.</summary>
    public IReadOnlyList<StatusGroup> Groups { get; init; } = [];
    /// <summary>The target data source of a relation property.</summary>
    public string? RelationDataSourceId { get; init; }
    /// <summary>The raw type-specific configuration (the value under the type's key).</summary>
    public JsonElement Config { get; init; }
}

/// <summary>A group of status options (To-do, In progress, Complete).</summary>
public sealed record StatusGroup
{
    /// <summary>The group id.</summary>
    public string Id { get; init; } = string.Empty;
    /// <summary>The group name.</summary>
    public string Name { get; init; } = string.Empty;
    /// <summary>The colour.</summary>
    public string? Color { get; init; }
    /// <summary>The ids of the options in this group.</summary>
    public IReadOnlyList<string> OptionIds { get; init; } = [];
}

internal sealed class PropertySchemaJsonConverter : JsonConverter<PropertySchema>
{
    public override PropertySchema Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        var type = PropertyValueReader.GetString(element, "type") ?? string.Empty;
        var config = element.TryGetProperty(type, out var c) ? c : default;
        return new PropertySchema
        {
            Id = PropertyValueReader.GetString(element, "id") ?? string.Empty,
            Name = PropertyValueReader.GetString(element, "name") ?? string.Empty,
            Description = PropertyValueReader.GetString(element, "description"),
            Type = new PropertyType(type),
            Options = ReadList(config, "options", NotionJsonContext.Default.IReadOnlyListSelectOption),
            Groups = ReadList(config, "groups", NotionJsonContext.Default.IReadOnlyListStatusGroup),
            RelationDataSourceId = type == "relation" ? PropertyValueReader.GetString(config, "data_source_id") : null,
            Config = config,
        };
    }

    public override void Write(Utf8JsonWriter writer, PropertySchema value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Schemas are read-only models; build schema changes with PropertySchemaInput.");

    private static IReadOnlyList<T> ReadList<T>(JsonElement config, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<IReadOnlyList<T>> info)
    {
        if (config.ValueKind != JsonValueKind.Object || !config.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        try
        {
            return list.Deserialize(info) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
