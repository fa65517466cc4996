using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Hamgam.Emulators.Notion.Model;

internal sealed class NotionUser
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Type { get; init; }

    public string? Email { get; set; }

    public string? AvatarUrl { get; set; }
}

internal sealed class NotionOption
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Color { get; set; }

    public string? Description { get; set; }
}

internal sealed class NotionStatusGroup
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Color { get; set; }

    public List<string> OptionIds { get; } = [];
}

internal sealed class NotionProperty
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Type { get; set; }

    public string? Description { get; set; }

    /// <summary>select, multi_select and status options, in schema order (which is also their sort order).</summary>
    public List<NotionOption> Options { get; } = [];

    public List<NotionStatusGroup> Groups { get; } = [];

    /// <summary>Type-specific configuration for the other types, already in response shape.</summary>
    public JsonObject Config { get; set; } = [];

    public NotionOption? FindOption(string? id, string? name)
    {
        foreach (var option in Options)
        {
            if ((id is not null && option.Id == id) || (id is null && name is not null && option.Name == name))
            {
                return option;
            }
        }
        return null;
    }
}

internal sealed class NotionDatabase
{
    public required string Id { get; init; }

    public required JsonArray Title { get; set; }

    public JsonArray Description { get; set; } = [];

    public required JsonObject Parent { get; init; }

    public bool IsInline { get; set; }

    public bool InTrash { get; set; }

    public bool IsLocked { get; set; }

    public JsonNode? Icon { get; set; }

    public JsonNode? Cover { get; set; }

    public DateTimeOffset CreatedTime { get; init; }

    public DateTimeOffset LastEditedTime { get; set; }

    public List<string> DataSourceIds { get; } = [];
}

internal sealed class NotionDataSource
{
    public required string Id { get; init; }

    public required string DatabaseId { get; init; }

    public required JsonArray Title { get; set; }

    public JsonArray Description { get; set; } = [];

    public List<NotionProperty> Properties { get; } = [];

    public DateTimeOffset CreatedTime { get; init; }

    public DateTimeOffset LastEditedTime { get; set; }

    public bool InTrash { get; set; }

    public JsonNode? Icon { get; set; }

    public JsonNode? Cover { get; set; }

    public int NextUniqueId { get; set; } = 1;

    /// <summary>Pages in creation order; queries read this list.</summary>
    public List<NotionPage> Pages { get; } = [];

    /// <summary>Bumped on every change of the schema or of any page, so cached query results can be reused safely.</summary>
    public long Version { get; set; }

    public NotionProperty? FindProperty(string nameOrId)
    {
        foreach (var property in Properties)
        {
            if (property.Name == nameOrId)
            {
                return property;
            }
        }
        var decoded = Uri.UnescapeDataString(nameOrId);
        foreach (var property in Properties)
        {
            if (property.Id == nameOrId || Uri.UnescapeDataString(property.Id) == decoded)
            {
                return property;
            }
        }
        return null;
    }

    [JsonIgnore]
    public NotionProperty TitleProperty => Properties.First(p => p.Type == "title");
}

internal sealed class NotionPage
{
    public required string Id { get; init; }

    public required long Sequence { get; init; }

    /// <summary>Set for rows of a data source (changes when the page is moved).</summary>
    public string? DataSourceId { get; set; }

    /// <summary>Set for pages whose parent is another page (changes when the page is moved).</summary>
    public string? ParentPageId { get; set; }

    public DateTimeOffset CreatedTime { get; init; }

    public DateTimeOffset LastEditedTime { get; set; }

    public required string CreatedBy { get; init; }

    public required string LastEditedBy { get; set; }

    public bool InTrash { get; set; }

    public bool IsArchived { get; set; }

    public bool IsLocked { get; set; }

    public JsonNode? Icon { get; set; }

    public JsonNode? Cover { get; set; }

    public int? UniqueNumber { get; set; }

    /// <summary>Fault injection: property id → raw JSON rendered in place of the value (a malformed value).</summary>
    public Dictionary<string, JsonNode?> Corrupted { get; } = [];

    /// <summary>Stored values by property id (for pages under a page: the key "title").</summary>
    public Dictionary<string, JsonNode?> Values { get; } = new(StringComparer.Ordinal);
}
