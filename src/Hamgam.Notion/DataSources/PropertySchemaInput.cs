using System.Text.Json.Nodes;

namespace Hamgam.Notion;

/// <summary>
/// A property definition for creating a database or changing a data source schema. Build one with the
/// static factories; <see cref="Named"/> also renames an existing property.
/// </summary>
public sealed class PropertySchemaInput
{
    private readonly JsonObject _json;

    private PropertySchemaInput(JsonObject json) => _json = json;

    /// <summary>A title property (every data source has exactly one).</summary>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Title() => Of(PropertyType.Title);

    /// <summary>A rich text property.</summary>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput RichText() => Of(PropertyType.RichText);

    /// <summary>A select property with options.</summary>
    /// <param name="options">The option names, optionally with colours.</param>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Select(IEnumerable<SelectOption> options) => WithOptions(PropertyType.Select, options);

    /// <summary>A multi-select property with options.</summary>
    /// <param name="options">The option names, optionally with colours.</param>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput MultiSelect(IEnumerable<SelectOption> options) => WithOptions(PropertyType.MultiSelect, options);

    /// <summary>A status property with options (Notion puts new options in its default groups).</summary>
    /// <param name="options">The option names, optionally with colours.</param>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Status(IEnumerable<SelectOption> options) => WithOptions(PropertyType.Status, options);

    /// <summary>A date property.</summary>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Date() => Of(PropertyType.Date);

    /// <summary>A checkbox property.</summary>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Checkbox() => Of(PropertyType.Checkbox);

    /// <summary>A number property.</summary>
    /// <param name="format">The number format, e.g. <c>number</c>, <c>percent</c>, <c>dollar</c>.</param>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Number(string format = "number") =>
        Of(PropertyType.Number, new JsonObject { ["format"] = format });

    /// <summary>A URL property.</summary>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Url() => Of(PropertyType.Url);

    /// <summary>An e-mail property.</summary>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Email() => Of(PropertyType.Email);

    /// <summary>A phone number property.</summary>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput PhoneNumber() => Of(PropertyType.PhoneNumber);

    /// <summary>A people property.</summary>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput People() => Of(PropertyType.People);

    /// <summary>A created-time property.</summary>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput CreatedTime() => Of(PropertyType.CreatedTime);

    /// <summary>A last-edited-time property.</summary>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput LastEditedTime() => Of(PropertyType.LastEditedTime);

    /// <summary>A formula property.</summary>
    /// <param name="expression">The expression, e.g. <c>prop("Number") * 2</c>.</param>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Formula(string expression) =>
        Of(PropertyType.Formula, new JsonObject { ["expression"] = expression });

    /// <summary>A unique id property.</summary>
    /// <param name="prefix">The prefix, or <see langword="null"/>.</param>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput UniqueId(string? prefix = null) =>
        Of(PropertyType.UniqueId, new JsonObject { ["prefix"] = prefix });

    /// <summary>A relation to another data source.</summary>
    /// <param name="dataSourceId">The related data source id.</param>
    /// <param name="dual">Also create the reverse property on the other side.</param>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Relation(string dataSourceId, bool dual = false)
    {
        var kind = dual ? "dual_property" : "single_property";
        return Of(PropertyType.Relation, new JsonObject
        {
            ["data_source_id"] = dataSourceId,
            ["type"] = kind,
            [kind] = new JsonObject(),
        });
    }

    /// <summary>Any definition given as raw JSON, for types this library does not model.</summary>
    /// <param name="json">The definition, e.g. <c>{"type":"files","files":{}}</c>.</param>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Raw(JsonObject json) => new((JsonObject)json.DeepClone());

    /// <summary>Only renames an existing property.</summary>
    /// <param name="newName">The new name.</param>
    /// <returns>The definition.</returns>
    public static PropertySchemaInput Rename(string newName) => new(new JsonObject { ["name"] = newName });

    /// <summary>This definition with a (new) property name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>A new definition.</returns>
    public PropertySchemaInput Named(string name)
    {
        var json = ToJson();
        json["name"] = name;
        return new(json);
    }

    /// <summary>The request JSON.</summary>
    /// <returns>A fresh copy the caller may modify.</returns>
    public JsonObject ToJson() => (JsonObject)_json.DeepClone();

    private static PropertySchemaInput Of(PropertyType type, JsonObject? config = null) =>
        new(new JsonObject { ["type"] = type.Value, [type.Value] = config ?? new JsonObject() });

    private static PropertySchemaInput WithOptions(PropertyType type, IEnumerable<SelectOption> options) =>
        Of(type, new JsonObject { ["options"] = new JsonArray(options.Select(OptionJson).ToArray()) });

    private static JsonNode OptionJson(SelectOption option)
    {
        var json = new JsonObject { ["name"] = option.Name };
        if (option.Color is not null)
        {
            json["color"] = option.Color;
        }

        if (option.Description is not null)
        {
            json["description"] = option.Description;
        }

        return json;
    }
}
