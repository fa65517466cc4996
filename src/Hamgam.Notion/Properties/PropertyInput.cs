using System.Text.Json.Nodes;

namespace Hamgam.Notion;

/// <summary>
/// A property value to write in a create or update request. Build one with the static factories; each
/// produces the exact JSON Notion expects, and <see langword="null"/> arguments clear the value.
/// </summary>
public sealed class PropertyInput
{
    /// <summary>Notion's limit on characters in one text object.</summary>
    public const int MaxTextContentLength = 2000;

    /// <summary>Notion's limit on elements in a rich text array, and on relation and multi-select entries.</summary>
    public const int MaxArrayLength = 100;

    /// <summary>The longest text one property can hold: 100 text objects of 2,000 characters.</summary>
    public const int MaxTextLength = MaxTextContentLength * MaxArrayLength;

    private readonly JsonObject _json;

    private PropertyInput(PropertyType type, JsonNode? value)
    {
        Type = type;
        _json = new JsonObject { ["type"] = type.Value, [type.Value] = value };
    }

    /// <summary>The property type this value writes.</summary>
    public PropertyType Type { get; }

    /// <summary>A title; text longer than 2,000 characters is split over several text objects.</summary>
    /// <param name="text">The text; <see langword="null"/> or empty clears the title.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">The text is longer than <see cref="MaxTextLength"/>.</exception>
    public static PropertyInput Title(string? text) => new(PropertyType.Title, TextArray(text));

    /// <summary>A rich text value; text longer than 2,000 characters is split over several text objects,
    /// never inside a surrogate pair.</summary>
    /// <param name="text">The text; <see langword="null"/> or empty clears it.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">The text is longer than <see cref="MaxTextLength"/>.</exception>
    public static PropertyInput RichText(string? text) => new(PropertyType.RichText, TextArray(text));

    /// <summary>A select value by option name (Notion creates unknown options).</summary>
    /// <param name="name">The option name; <see langword="null"/> clears it.</param>
    /// <returns>The input.</returns>
    public static PropertyInput Select(string? name) => new(PropertyType.Select, NameObject(name));

    /// <summary>A status value by option name (the option must exist).</summary>
    /// <param name="name">The option name; <see langword="null"/> clears it.</param>
    /// <returns>The input.</returns>
    public static PropertyInput Status(string? name) => new(PropertyType.Status, NameObject(name));

    /// <summary>A multi-select value by option names; an empty list clears it.</summary>
    /// <param name="names">At most 100 option names.</param>
    /// <returns>The input.</returns>
    public static PropertyInput MultiSelect(IEnumerable<string> names) =>
        new(PropertyType.MultiSelect, Array(names, n => NameObject(n)!, "multi_select"));

    /// <summary>A date-time (range), written with its offset.</summary>
    /// <param name="start">The start.</param>
    /// <param name="end">The end of a range.</param>
    /// <param name="dateOnly">Write only the calendar dates, dropping the time of day.</param>
    /// <returns>The input.</returns>
    public static PropertyInput Date(DateTimeOffset start, DateTimeOffset? end = null, bool dateOnly = false) =>
        Date(new NotionDate(start, end, dateOnly));

    /// <summary>A calendar date (range) with no time of day.</summary>
    /// <param name="start">The start date.</param>
    /// <param name="end">The end date of a range.</param>
    /// <returns>The input.</returns>
    public static PropertyInput Date(DateOnly start, DateOnly? end = null) => Date(NotionDate.FromDates(start, end));

    /// <summary>A date value; <see langword="null"/> clears it.</summary>
    /// <param name="date">The value.</param>
    /// <returns>The input.</returns>
    public static PropertyInput Date(NotionDate? date)
    {
        if (date is null)
        {
            return new(PropertyType.Date, null);
        }

        var value = new JsonObject { ["start"] = NotionDate.Format(date.Start, date.IsDateOnly) };
        if (date.End is { } end)
        {
            value["end"] = NotionDate.Format(end, date.IsDateOnly);
        }

        return new(PropertyType.Date, value);
    }

    /// <summary>A checkbox value.</summary>
    /// <param name="value">Ticked or not.</param>
    /// <returns>The input.</returns>
    public static PropertyInput Checkbox(bool value) => new(PropertyType.Checkbox, JsonValue.Create(value));

    /// <summary>A number value; <see langword="null"/> clears it.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The input.</returns>
    public static PropertyInput Number(decimal? value) => new(PropertyType.Number, value is { } v ? JsonValue.Create(v) : null);

    /// <summary>A relation: replaces the related pages; an empty list clears it.</summary>
    /// <param name="pageIds">At most 100 page ids.</param>
    /// <returns>The input.</returns>
    public static PropertyInput Relation(IEnumerable<string> pageIds) =>
        new(PropertyType.Relation, Array(pageIds, id => new JsonObject { ["id"] = id }, "relation"));

    /// <summary>A people value: replaces the users; an empty list clears it.</summary>
    /// <param name="userIds">At most 100 user ids.</param>
    /// <returns>The input.</returns>
    public static PropertyInput People(IEnumerable<string> userIds) =>
        new(PropertyType.People, Array(userIds, id => new JsonObject { ["object"] = "user", ["id"] = id }, "people"));

    /// <summary>A URL value; <see langword="null"/> clears it.</summary>
    /// <param name="value">The URL.</param>
    /// <returns>The input.</returns>
    public static PropertyInput Url(string? value) => new(PropertyType.Url, value);

    /// <summary>An e-mail value; <see langword="null"/> clears it.</summary>
    /// <param name="value">The address.</param>
    /// <returns>The input.</returns>
    public static PropertyInput Email(string? value) => new(PropertyType.Email, value);

    /// <summary>A phone number value; <see langword="null"/> clears it.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The input.</returns>
    public static PropertyInput PhoneNumber(string? value) => new(PropertyType.PhoneNumber, value);

    /// <summary>The request JSON of this value, e.g. <c>{"type":"select","select":{"name":"A"}}</c>.</summary>
    /// <returns>A fresh copy the caller may modify.</returns>
    public JsonObject ToJson() => (JsonObject)_json.DeepClone();

    /// <inheritdoc />
    public override string ToString() => _json.ToJsonString();

    private static JsonObject? NameObject(string? name) => name is null ? null : new JsonObject { ["name"] = name };

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> create, string what)
    {
        var array = new JsonArray(items.Select(create).ToArray());
        if (array.Count > MaxArrayLength)
        {
            throw new ArgumentException($"Notion accepts at most {MaxArrayLength} {what} entries; got {array.Count}.", nameof(items));
        }

        return array;
    }

    private static JsonArray TextArray(string? text)
    {
        var chunks = RichTextSplitter.Split(text ?? string.Empty, MaxTextContentLength);
        if (chunks.Count > MaxArrayLength)
        {
            throw new ArgumentException(
                $"Text of {text!.Length} characters needs {chunks.Count} text objects; Notion accepts at most {MaxArrayLength}.",
                nameof(text));
        }

        return new JsonArray(chunks
            .Select(c => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = c } })
            .ToArray());
    }
}

/// <summary>Splits text into chunks of at most a given number of UTF-16 code units without splitting a surrogate pair.</summary>
internal static class RichTextSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        var chunks = new List<string>();
        var position = 0;
        while (position < text.Length)
        {
            var length = Math.Min(maxLength, text.Length - position);
            if (position + length < text.Length && char.IsHighSurrogate(text[position + length - 1]))
            {
                length--;
            }

            chunks.Add(text.Substring(position, length));
            position += length;
        }

        return chunks;
    }
}
