using System.Text.Json.Nodes;

namespace Hamgam.Notion;

/// <summary>
/// A data source query filter. Start from a property kind (<see cref="Status"/>, <see cref="Date"/>, ...)
/// or a timestamp (<see cref="LastEditedTime"/>), and combine with <see cref="And"/> / <see cref="Or"/>
/// (Notion allows two levels of nesting).
/// </summary>
/// <example><code>
/// NotionFilter.And(
///     NotionFilter.Status("Status").DoesNotEqual("Done"),
///     NotionFilter.LastEditedTime.OnOrAfter(cursor));
/// </code></example>
public sealed class NotionFilter
{
    private readonly JsonObject _json;

    private NotionFilter(JsonObject json, int depth)
    {
        _json = json;
        Depth = depth;
    }

    /// <summary>The nesting depth: 0 for a leaf, 1 for a compound of leaves, 2 at most.</summary>
    public int Depth { get; }

    /// <summary>Filters on the page's creation time (needs no property in the schema).</summary>
    public static DateConditions CreatedTime { get; } = new(op => Timestamp("created_time", op));

    /// <summary>Filters on the page's last edit time (needs no property in the schema).</summary>
    public static DateConditions LastEditedTime { get; } = new(op => Timestamp("last_edited_time", op));

    /// <summary>Conditions on a select property.</summary>
    /// <param name="property">The property name or id.</param>
    /// <returns>The conditions.</returns>
    public static OptionConditions Select(string property) => new(Leaf(property, "select"));

    /// <summary>Conditions on a status property.</summary>
    /// <param name="property">The property name or id.</param>
    /// <returns>The conditions.</returns>
    public static OptionConditions Status(string property) => new(Leaf(property, "status"));

    /// <summary>Conditions on a multi-select property.</summary>
    /// <param name="property">The property name or id.</param>
    /// <returns>The conditions.</returns>
    public static ContainsConditions MultiSelect(string property) => new(Leaf(property, "multi_select"));

    /// <summary>Conditions on a relation property (values are page ids).</summary>
    /// <param name="property">The property name or id.</param>
    /// <returns>The conditions.</returns>
    public static ContainsConditions Relation(string property) => new(Leaf(property, "relation"));

    /// <summary>Conditions on a checkbox property.</summary>
    /// <param name="property">The property name or id.</param>
    /// <returns>The conditions.</returns>
    public static CheckboxConditions Checkbox(string property) => new(Leaf(property, "checkbox"));

    /// <summary>Conditions on a number property.</summary>
    /// <param name="property">The property name or id.</param>
    /// <returns>The conditions.</returns>
    public static NumberConditions Number(string property) => new(Leaf(property, "number"));

    /// <summary>Conditions on a date property.</summary>
    /// <param name="property">The property name or id.</param>
    /// <returns>The conditions.</returns>
    public static DateConditions Date(string property) => new(Leaf(property, "date"));

    /// <summary>Conditions on a rich text property.</summary>
    /// <param name="property">The property name or id.</param>
    /// <returns>The conditions.</returns>
    public static TextConditions RichText(string property) => new(Leaf(property, "rich_text"));

    /// <summary>Conditions on the title property.</summary>
    /// <param name="property">The property name or id.</param>
    /// <returns>The conditions.</returns>
    public static TextConditions Title(string property) => new(Leaf(property, "title"));

    /// <summary>All of the filters must match.</summary>
    /// <param name="filters">One or more filters.</param>
    /// <returns>The compound filter.</returns>
    /// <exception cref="ArgumentException">No filters, or nesting deeper than Notion allows.</exception>
    public static NotionFilter And(params NotionFilter[] filters) => Compound("and", filters);

    /// <summary>Any of the filters must match.</summary>
    /// <param name="filters">One or more filters.</param>
    /// <returns>The compound filter.</returns>
    /// <exception cref="ArgumentException">No filters, or nesting deeper than Notion allows.</exception>
    public static NotionFilter Or(params NotionFilter[] filters) => Compound("or", filters);

    /// <summary>A filter given as raw JSON, for conditions this builder does not model.</summary>
    /// <param name="json">The filter object.</param>
    /// <returns>The filter.</returns>
    public static NotionFilter Raw(JsonObject json) => new((JsonObject)json.DeepClone(), 0);

    /// <summary>The request JSON of this filter.</summary>
    /// <returns>A fresh copy the caller may modify.</returns>
    public JsonObject ToJson() => (JsonObject)_json.DeepClone();

    /// <inheritdoc />
    public override string ToString() => _json.ToJsonString();

    internal static NotionFilter Create(JsonObject json) => new(json, 0);

    private static Func<JsonObject, NotionFilter> Leaf(string property, string type) =>
        condition => new(new JsonObject { ["property"] = property, [type] = condition }, 0);

    private static NotionFilter Timestamp(string timestamp, JsonObject condition) =>
        new(new JsonObject { ["timestamp"] = timestamp, [timestamp] = condition }, 0);

    private static NotionFilter Compound(string kind, NotionFilter[] filters)
    {
        if (filters.Length == 0)
        {
            throw new ArgumentException("A compound filter needs at least one filter.", nameof(filters));
        }

        var depth = filters.Max(f => f.Depth) + 1;
        if (depth > 2)
        {
            throw new ArgumentException("Notion allows compound filters nested at most two levels deep.", nameof(filters));
        }

        return new(new JsonObject { [kind] = new JsonArray(filters.Select(f => (JsonNode)f.ToJson()).ToArray()) }, depth);
    }
}
