using System.Text.Json;

namespace Hamgam.Notion;

/// <summary>A Notion page (a row of a data source, or a standalone page).</summary>
public sealed record NotionPage
{
    /// <summary><c>page</c>; query results may in future hold other object kinds.</summary>
    public string Object { get; init; } = "page";
    /// <summary>The page id (dashed UUID).</summary>
    public string Id { get; init; } = string.Empty;
    /// <summary>When the page was created, rounded down to the minute.</summary>
    public DateTimeOffset CreatedTime { get; init; }
    /// <summary>When the page was last edited, rounded down to the minute.</summary>
    public DateTimeOffset LastEditedTime { get; init; }
    /// <summary>Who created the page.</summary>
    public NotionUser? CreatedBy { get; init; }
    /// <summary>Who last edited the page.</summary>
    public NotionUser? LastEditedBy { get; init; }
    /// <summary>The parent.</summary>
    public NotionParent? Parent { get; init; }
    /// <summary>Whether the page is in the trash.</summary>
    public bool InTrash { get; init; }
    /// <summary>Notion's newer "archived" flag, distinct from the trash.</summary>
    public bool IsArchived { get; init; }
    /// <summary>Whether the page is locked.</summary>
    public bool IsLocked { get; init; }
    /// <summary>The page URL (opaque).</summary>
    public string? Url { get; init; }
    /// <summary>The public URL when shared to the web.</summary>
    public string? PublicUrl { get; init; }
    /// <summary>The raw icon object.</summary>
    public JsonElement? Icon { get; init; }
    /// <summary>The raw cover object.</summary>
    public JsonElement? Cover { get; init; }
    /// <summary>The property values keyed by property name.</summary>
    public IReadOnlyDictionary<string, PropertyValue> Properties { get; init; } = new Dictionary<string, PropertyValue>();
    /// <summary>The request id, on directly returned pages.</summary>
    public string? RequestId { get; init; }

    /// <summary>The plain text of the title property, or empty.</summary>
    public string Title => Properties.Values.OfType<TitleValue>().FirstOrDefault()?.PlainText ?? string.Empty;

    /// <summary>Gets a property value by name when it has the expected type.</summary>
    /// <typeparam name="T">The expected value type.</typeparam>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or <see langword="null"/> when missing or of another type.</returns>
    public T? Property<T>(string name) where T : PropertyValue =>
        Properties.TryGetValue(name, out var value) ? value as T : null;
}
