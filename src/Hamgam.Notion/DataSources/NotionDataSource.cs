using System.Text.Json;

namespace Hamgam.Notion;

/// <summary>A data source: one table of a database, with its schema.</summary>
public sealed record NotionDataSource
{
    /// <summary>The data source id.</summary>
    public string Id { get; init; } = string.Empty;
    /// <summary>The title segments.</summary>
    public IReadOnlyList<RichText> Title { get; init; } = [];
    /// <summary>The description segments.</summary>
    public IReadOnlyList<RichText> Description { get; init; } = [];
    /// <summary>The schema, keyed by property name.</summary>
    public IReadOnlyDictionary<string, PropertySchema> Properties { get; init; } = new Dictionary<string, PropertySchema>();
    /// <summary>The parent (normally the database).</summary>
    public NotionParent? Parent { get; init; }
    /// <summary>The parent of the database that holds this data source.</summary>
    public NotionParent? DatabaseParent { get; init; }
    /// <summary>Whether the database is inline.</summary>
    public bool IsInline { get; init; }
    /// <summary>Whether the data source is in the trash.</summary>
    public bool InTrash { get; init; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedTime { get; init; }
    /// <summary>Last edit time.</summary>
    public DateTimeOffset LastEditedTime { get; init; }
    /// <summary>The URL (opaque).</summary>
    public string? Url { get; init; }
    /// <summary>The raw icon object.</summary>
    public JsonElement? Icon { get; init; }
    /// <summary>The request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>The plain title.</summary>
    public string PlainTitle => RichText.Join(Title);
}

/// <summary>A reference from a database to one of its data sources.</summary>
public sealed record DataSourceReference
{
    /// <summary>The data source id.</summary>
    public string Id { get; init; } = string.Empty;
    /// <summary>The data source name.</summary>
    public string Name { get; init; } = string.Empty;
}

/// <summary>A database container.</summary>
public sealed record NotionDatabase
{
    /// <summary>The database id.</summary>
    public string Id { get; init; } = string.Empty;
    /// <summary>The title segments.</summary>
    public IReadOnlyList<RichText> Title { get; init; } = [];
    /// <summary>The description segments.</summary>
    public IReadOnlyList<RichText> Description { get; init; } = [];
    /// <summary>The parent.</summary>
    public NotionParent? Parent { get; init; }
    /// <summary>Whether the database is inline.</summary>
    public bool IsInline { get; init; }
    /// <summary>Whether the database is in the trash.</summary>
    public bool InTrash { get; init; }
    /// <summary>Whether the database is locked.</summary>
    public bool IsLocked { get; init; }
    /// <summary>Creation time (millisecond precision for databases).</summary>
    public DateTimeOffset CreatedTime { get; init; }
    /// <summary>Last edit time.</summary>
    public DateTimeOffset LastEditedTime { get; init; }
    /// <summary>The data sources of this database.</summary>
    public IReadOnlyList<DataSourceReference> DataSources { get; init; } = [];
    /// <summary>The URL (opaque).</summary>
    public string? Url { get; init; }
    /// <summary>The request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>The plain title.</summary>
    public string PlainTitle => RichText.Join(Title);
}
