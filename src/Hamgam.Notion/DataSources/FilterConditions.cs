using System.Text.Json.Nodes;

namespace Hamgam.Notion;

/// <summary>Base of the typed condition builders of <see cref="NotionFilter"/>.</summary>
public abstract class FilterConditions
{
    private readonly Func<JsonObject, NotionFilter> _build;

    private protected FilterConditions(Func<JsonObject, NotionFilter> build) => _build = build;

    /// <summary>Matches pages where the property is empty.</summary>
    /// <returns>The filter.</returns>
    public NotionFilter IsEmpty() => Build("is_empty", true);

    /// <summary>Matches pages where the property is not empty.</summary>
    /// <returns>The filter.</returns>
    public NotionFilter IsNotEmpty() => Build("is_not_empty", true);

    private protected NotionFilter Build(string op, JsonNode? value) => _build(new JsonObject { [op] = value });
}

/// <summary>Conditions on select and status properties (by option name).</summary>
public sealed class OptionConditions : FilterConditions
{
    internal OptionConditions(Func<JsonObject, NotionFilter> build) : base(build) { }

    /// <summary>The option name equals the value.</summary>
    /// <param name="name">The option name.</param>
    /// <returns>The filter.</returns>
    public NotionFilter EqualTo(string name) => Build("equals", name);

    /// <summary>The option name differs from the value (empty values match too).</summary>
    /// <param name="name">The option name.</param>
    /// <returns>The filter.</returns>
    public NotionFilter DoesNotEqual(string name) => Build("does_not_equal", name);
}

/// <summary>Conditions on multi-select and relation properties.</summary>
public sealed class ContainsConditions : FilterConditions
{
    internal ContainsConditions(Func<JsonObject, NotionFilter> build) : base(build) { }

    /// <summary>The property contains the value (an option name or a page id).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public NotionFilter Contains(string value) => Build("contains", value);

    /// <summary>The property does not contain the value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public NotionFilter DoesNotContain(string value) => Build("does_not_contain", value);
}

/// <summary>Conditions on checkbox properties.</summary>
public sealed class CheckboxConditions : FilterConditions
{
    internal CheckboxConditions(Func<JsonObject, NotionFilter> build) : base(build) { }

    /// <summary>The checkbox equals the value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public NotionFilter EqualTo(bool value) => Build("equals", value);

    /// <summary>The checkbox differs from the value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public NotionFilter DoesNotEqual(bool value) => Build("does_not_equal", value);
}

/// <summary>Conditions on number properties.</summary>
public sealed class NumberConditions : FilterConditions
{
    internal NumberConditions(Func<JsonObject, NotionFilter> build) : base(build) { }

    /// <summary>Equal to.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public NotionFilter EqualTo(decimal value) => Build("equals", value);

    /// <summary>Not equal to.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public NotionFilter DoesNotEqual(decimal value) => Build("does_not_equal", value);

    /// <summary>Greater than.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public NotionFilter GreaterThan(decimal value) => Build("greater_than", value);

    /// <summary>Less than.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public NotionFilter LessThan(decimal value) => Build("less_than", value);

    /// <summary>Greater than or equal to.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public NotionFilter GreaterThanOrEqualTo(decimal value) => Build("greater_than_or_equal_to", value);

    /// <summary>Less than or equal to.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    public NotionFilter LessThanOrEqualTo(decimal value) => Build("less_than_or_equal_to", value);
}

/// <summary>Conditions on title and rich text properties.</summary>
public sealed class TextConditions : FilterConditions
{
    internal TextConditions(Func<JsonObject, NotionFilter> build) : base(build) { }

    /// <summary>Equal to.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public NotionFilter EqualTo(string value) => Build("equals", value);

    /// <summary>Not equal to.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public NotionFilter DoesNotEqual(string value) => Build("does_not_equal", value);

    /// <summary>Contains.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public NotionFilter Contains(string value) => Build("contains", value);

    /// <summary>Does not contain.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public NotionFilter DoesNotContain(string value) => Build("does_not_contain", value);

    /// <summary>Starts with.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public NotionFilter StartsWith(string value) => Build("starts_with", value);

    /// <summary>Ends with.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public NotionFilter EndsWith(string value) => Build("ends_with", value);
}

/// <summary>Conditions on date properties and on the created/last-edited timestamps.</summary>
public sealed class DateConditions : FilterConditions
{
    internal DateConditions(Func<JsonObject, NotionFilter> build) : base(build) { }

    /// <summary>Equal to (a date matches its whole UTC day).</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The filter.</returns>
    public NotionFilter EqualTo(DateTimeOffset value) => Build("equals", Format(value));

    /// <summary>Equal to the calendar date.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The filter.</returns>
    public NotionFilter EqualTo(DateOnly value) => Build("equals", Format(value));

    /// <summary>Strictly before.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The filter.</returns>
    public NotionFilter Before(DateTimeOffset value) => Build("before", Format(value));

    /// <summary>Strictly after. Beware: timestamps are minute-rounded, prefer <see cref="OnOrAfter(DateTimeOffset)"/>.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The filter.</returns>
    public NotionFilter After(DateTimeOffset value) => Build("after", Format(value));

    /// <summary>On or before.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The filter.</returns>
    public NotionFilter OnOrBefore(DateTimeOffset value) => Build("on_or_before", Format(value));

    /// <summary>On or after.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The filter.</returns>
    public NotionFilter OnOrAfter(DateTimeOffset value) => Build("on_or_after", Format(value));

    /// <summary>On or before the calendar date.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The filter.</returns>
    public NotionFilter OnOrBefore(DateOnly value) => Build("on_or_before", Format(value));

    /// <summary>On or after the calendar date.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The filter.</returns>
    public NotionFilter OnOrAfter(DateOnly value) => Build("on_or_after", Format(value));

    private static string Format(DateTimeOffset value) => NotionDate.Format(value, dateOnly: false);

    private static string Format(DateOnly value) => NotionDate.Format(new DateTimeOffset(value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), dateOnly: true);
}
