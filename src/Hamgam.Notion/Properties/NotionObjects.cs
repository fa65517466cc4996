using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Notion;

/// <summary>An option of a select, status or multi-select property (in a value or in a schema).</summary>
public sealed record SelectOption
{
    /// <summary>The option id.</summary>
    public string? Id { get; init; }
    /// <summary>The option name, which is what filters and writes match on.</summary>
    public string Name { get; init; } = string.Empty;
    /// <summary>The colour name.</summary>
    public string? Color { get; init; }
    /// <summary>The description (schema options only).</summary>
    public string? Description { get; init; }
}

/// <summary>A Notion user or group: a bare reference (<c>{object, id}</c>) or fully expanded.</summary>
public sealed record NotionUser
{
    /// <summary><c>user</c> or <c>group</c>.</summary>
    public string Object { get; init; } = "user";
    /// <summary>The user id.</summary>
    public string Id { get; init; } = string.Empty;
    /// <summary>The display name, when expanded.</summary>
    public string? Name { get; init; }
    /// <summary>The avatar URL, when expanded.</summary>
    public string? AvatarUrl { get; init; }
    /// <summary><c>person</c>, <c>bot</c>, or a newer type.</summary>
    public string? Type { get; init; }
    /// <summary>Person details (the e-mail), for <c>person</c> users.</summary>
    public NotionPerson? Person { get; init; }
    /// <summary>The raw bot object, for <c>bot</c> users.</summary>
    public JsonElement? Bot { get; init; }
}

/// <summary>Details of a person user.</summary>
public sealed record NotionPerson
{
    /// <summary>The person's e-mail, when the integration may read it.</summary>
    public string? Email { get; init; }
}

/// <summary>A file attached to a <c>files</c> property.</summary>
public sealed record NotionFile
{
    /// <summary>The file name.</summary>
    public string Name { get; init; } = string.Empty;
    /// <summary><c>external</c>, <c>file</c>, or a newer type.</summary>
    public string Type { get; init; } = "external";
    /// <summary>The link of an external file.</summary>
    public NotionFileLink? External { get; init; }
    /// <summary>The link of a Notion-hosted file.</summary>
    public NotionFileLink? File { get; init; }

    /// <summary>The URL of the file, whichever kind it is.</summary>
    [JsonIgnore]
    public string? Url => External?.Url ?? File?.Url;
}

/// <summary>A file URL; Notion-hosted URLs expire.</summary>
public sealed record NotionFileLink
{
    /// <summary>The URL.</summary>
    public string Url { get; init; } = string.Empty;
    /// <summary>When a Notion-hosted URL stops working.</summary>
    public DateTimeOffset? ExpiryTime { get; init; }
}

/// <summary>The parent of a page, data source or database. Unset members are <see langword="null"/>.</summary>
public sealed record NotionParent
{
    /// <summary><c>data_source_id</c>, <c>database_id</c>, <c>page_id</c>, <c>block_id</c>, <c>workspace</c>, or newer.</summary>
    public string Type { get; init; } = string.Empty;
    /// <summary>The parent data source id.</summary>
    public string? DataSourceId { get; init; }
    /// <summary>The parent database id (also present for data source parents).</summary>
    public string? DatabaseId { get; init; }
    /// <summary>The parent page id.</summary>
    public string? PageId { get; init; }
    /// <summary>The parent block id.</summary>
    public string? BlockId { get; init; }
    /// <summary><see langword="true"/> for workspace-level objects.</summary>
    public bool? Workspace { get; init; }
}
