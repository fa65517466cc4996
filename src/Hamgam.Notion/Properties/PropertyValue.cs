using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Notion;

/// <summary>
/// The value of one property of a page. Each known type has a sealed subtype; any type this library
/// does not know, or a known type in a shape it cannot read, becomes an <see cref="UnknownPropertyValue"/>
/// that keeps the raw JSON. Reading a value never throws.
/// </summary>
/// <param name="Id">The property id (URL-encoded as Notion returns it; <c>"title"</c> for the title).</param>
/// <param name="Type">The property type.</param>
[JsonConverter(typeof(PropertyValueJsonConverter))]
public abstract record PropertyValue(string Id, PropertyType Type);

/// <summary>A <c>title</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Text">All rich text segments.</param>
public sealed record TitleValue(string Id, IReadOnlyList<RichText> Text) : PropertyValue(Id, PropertyType.Title)
{
    /// <summary>The plain text of all segments joined.</summary>
    public string PlainText => RichText.Join(Text);
}

/// <summary>A <c>rich_text</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Text">All rich text segments.</param>
public sealed record RichTextValue(string Id, IReadOnlyList<RichText> Text) : PropertyValue(Id, PropertyType.RichText)
{
    /// <summary>The plain text of all segments joined.</summary>
    public string PlainText => RichText.Join(Text);
}

/// <summary>A <c>select</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Option">The chosen option, or <see langword="null"/> when empty.</param>
public sealed record SelectValue(string Id, SelectOption? Option) : PropertyValue(Id, PropertyType.Select);

/// <summary>A <c>status</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Option">The chosen option, or <see langword="null"/> when empty.</param>
public sealed record StatusValue(string Id, SelectOption? Option) : PropertyValue(Id, PropertyType.Status);

/// <summary>A <c>multi_select</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Options">The chosen options, possibly none.</param>
public sealed record MultiSelectValue(string Id, IReadOnlyList<SelectOption> Options) : PropertyValue(Id, PropertyType.MultiSelect);

/// <summary>A <c>date</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Date">The date, or <see langword="null"/> when empty.</param>
public sealed record DateValue(string Id, NotionDate? Date) : PropertyValue(Id, PropertyType.Date);

/// <summary>A <c>checkbox</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Checked">Whether the box is ticked.</param>
public sealed record CheckboxValue(string Id, bool Checked) : PropertyValue(Id, PropertyType.Checkbox);

/// <summary>A <c>number</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Number">The number, or <see langword="null"/> when empty.</param>
public sealed record NumberValue(string Id, decimal? Number) : PropertyValue(Id, PropertyType.Number);

/// <summary>A <c>relation</c> value. Page objects carry at most 25 ids; when <see cref="HasMore"/> is set,
/// read the full list with <see cref="PagesClient.GetRelationIdsAsync"/>.</summary>
/// <param name="Id">The property id.</param>
/// <param name="PageIds">The related page ids returned inline.</param>
/// <param name="HasMore">Whether Notion truncated the list.</param>
public sealed record RelationValue(string Id, IReadOnlyList<string> PageIds, bool HasMore) : PropertyValue(Id, PropertyType.Relation);

/// <summary>A <c>url</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Url">The URL, or <see langword="null"/>.</param>
public sealed record UrlValue(string Id, string? Url) : PropertyValue(Id, PropertyType.Url);

/// <summary>An <c>email</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Email">The address, or <see langword="null"/>.</param>
public sealed record EmailValue(string Id, string? Email) : PropertyValue(Id, PropertyType.Email);

/// <summary>A <c>phone_number</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="PhoneNumber">The number, or <see langword="null"/>.</param>
public sealed record PhoneNumberValue(string Id, string? PhoneNumber) : PropertyValue(Id, PropertyType.PhoneNumber);

/// <summary>A <c>people</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="People">The users or groups.</param>
public sealed record PeopleValue(string Id, IReadOnlyList<NotionUser> People) : PropertyValue(Id, PropertyType.People);

/// <summary>A <c>files</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Files">The files.</param>
public sealed record FilesValue(string Id, IReadOnlyList<NotionFile> Files) : PropertyValue(Id, PropertyType.Files);

/// <summary>A <c>formula</c> value (read-only).</summary>
/// <param name="Id">The property id.</param>
/// <param name="Result">The computed result.</param>
public sealed record FormulaValue(string Id, FormulaResult Result) : PropertyValue(Id, PropertyType.Formula);

/// <summary>A <c>rollup</c> value (read-only).</summary>
/// <param name="Id">The property id.</param>
/// <param name="Result">The computed result.</param>
public sealed record RollupValue(string Id, RollupResult Result) : PropertyValue(Id, PropertyType.Rollup);

/// <summary>A <c>unique_id</c> value (read-only).</summary>
/// <param name="Id">The property id.</param>
/// <param name="Prefix">The prefix, or <see langword="null"/>.</param>
/// <param name="Number">The number, or <see langword="null"/>.</param>
public sealed record UniqueIdValue(string Id, string? Prefix, long? Number) : PropertyValue(Id, PropertyType.UniqueId)
{
    /// <summary>The id as Notion shows it, e.g. <c>TASK-12</c>.</summary>
    public string Text => Prefix is null ? $"{Number}" : $"{Prefix}-{Number}";
}

/// <summary>A <c>created_time</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Time">The instant (rounded down to the minute by Notion).</param>
public sealed record CreatedTimeValue(string Id, DateTimeOffset Time) : PropertyValue(Id, PropertyType.CreatedTime);

/// <summary>A <c>last_edited_time</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Time">The instant (rounded down to the minute by Notion).</param>
public sealed record LastEditedTimeValue(string Id, DateTimeOffset Time) : PropertyValue(Id, PropertyType.LastEditedTime);

/// <summary>A <c>created_by</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="User">The user.</param>
public sealed record CreatedByValue(string Id, NotionUser User) : PropertyValue(Id, PropertyType.CreatedBy);

/// <summary>A <c>last_edited_by</c> value.</summary>
/// <param name="Id">The property id.</param>
/// <param name="User">The user.</param>
public sealed record LastEditedByValue(string Id, NotionUser User) : PropertyValue(Id, PropertyType.LastEditedBy);

/// <summary>A value of a type this library does not model (e.g. <c>button</c>, <c>place</c>), kept raw.</summary>
/// <param name="Id">The property id.</param>
/// <param name="Type">The type as Notion sent it.</param>
/// <param name="Raw">The whole property value object.</param>
public sealed record UnknownPropertyValue(string Id, PropertyType Type, JsonElement Raw) : PropertyValue(Id, Type);

/// <summary>The result of a formula. Exactly one member matches <see cref="Type"/>; all may be null.</summary>
/// <param name="Type"><c>string</c>, <c>number</c>, <c>boolean</c>, <c>date</c>, or newer (e.g. <c>unsupported</c>).</param>
/// <param name="String">The string result.</param>
/// <param name="Number">The number result.</param>
/// <param name="Boolean">The boolean result.</param>
/// <param name="Date">The date result.</param>
public sealed record FormulaResult(string Type, string? String, decimal? Number, bool? Boolean, NotionDate? Date);

/// <summary>The result of a rollup.</summary>
/// <param name="Type"><c>number</c>, <c>date</c>, <c>array</c>, <c>incomplete</c>, <c>unsupported</c>, or newer.</param>
/// <param name="Function">The rollup function, e.g. <c>count</c>.</param>
/// <param name="Number">The number result.</param>
/// <param name="Date">The date result.</param>
/// <param name="Array">The items of an <c>array</c> rollup, each a property value without an id.</param>
public sealed record RollupResult(string Type, string? Function, decimal? Number, NotionDate? Date, IReadOnlyList<PropertyValue> Array);
