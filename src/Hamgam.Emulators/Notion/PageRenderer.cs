using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

/// <summary>How one response renders objects: API version and, for queries, filter_properties.</summary>
internal sealed record RenderOptions(ApiVersion Version, IReadOnlySet<string>? OnlyProperties = null)
{
    public static readonly RenderOptions Latest = new(ApiVersion.Latest);
}

/// <summary>Writes page objects in Notion's key order.</summary>
internal sealed class PageRenderer(NotionWorkspace workspace)
{
    public const int RelationLimit = 25;

    public void WritePage(Utf8JsonWriter w, NotionPage page, RenderOptions options)
    {
        w.WriteString("object", "page");
        w.WriteString("id", page.Id);
        w.WriteString("created_time", NotionTime.FormatPageTime(page.CreatedTime));
        w.WriteString("last_edited_time", NotionTime.FormatPageTime(page.LastEditedTime));
        WriteUserReference(w, "created_by", page.CreatedBy);
        WriteUserReference(w, "last_edited_by", page.LastEditedBy);
        WriteNode(w, "cover", page.Cover);
        WriteNode(w, "icon", page.Icon);
        WriteParent(w, page, options.Version);
        w.WriteBoolean("in_trash", page.InTrash);
        w.WriteBoolean("is_archived", page.IsArchived);
        w.WriteBoolean("is_locked", page.IsLocked);
        w.WriteStartObject("properties");
        var dataSource = page.DataSourceId is null ? null : workspace.FindDataSourceUnlocked(page.DataSourceId);
        if (dataSource is null)
        {
            w.WriteStartObject("title");
            w.WriteString("id", "title");
            w.WriteString("type", "title");
            w.WritePropertyName("title");
            WriteStored(w, page.Values.GetValueOrDefault("title"), "[]");
            w.WriteEndObject();
        }
        else
        {
            foreach (var property in dataSource.Properties)
            {
                if (options.OnlyProperties is { } only && !only.Contains(property.Id) && !only.Contains(property.Name))
                {
                    continue;
                }
                w.WriteStartObject(property.Name);
                WritePropertyValue(w, dataSource, property, page, truncateRelations: true);
                w.WriteEndObject();
            }
        }
        w.WriteEndObject();
        w.WriteString("url", Url(page));
        w.WriteNull("public_url");
        if (options.Version.HasArchived)
        {
            w.WriteBoolean("archived", page.InTrash);
        }
    }

    public string Url(NotionPage page) => $"https://www.notion.so/{Slug(workspace.TitleOf(page))}{NotionIds.Compact(page.Id)}";

    public static string Slug(string title)
    {
        var builder = new StringBuilder();
        foreach (var c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().TrimEnd('-');
        return slug.Length == 0 ? string.Empty : slug + "-";
    }

    /// <summary>Writes <c>id, type, &lt;type&gt;[, has_more]</c> of one property value.</summary>
    public void WritePropertyValue(Utf8JsonWriter w, NotionDataSource dataSource, NotionProperty property, NotionPage page, bool truncateRelations)
    {
        w.WriteString("id", property.Id);
        w.WriteString("type", property.Type);
        w.WritePropertyName(property.Type);
        if (page.Corrupted.TryGetValue(property.Id, out var corrupted))
        {
            WriteStored(w, corrupted, "null");
            return;
        }

        var stored = page.Values.GetValueOrDefault(property.Id);
        switch (property.Type)
        {
            case "title" or "rich_text" or "files":
                WriteStored(w, stored, "[]");
                break;
            case "checkbox":
                w.WriteBooleanValue(stored is JsonValue b && b.GetValue<bool>());
                break;
            case "select" or "status":
                WriteOption(w, property.FindOption(stored?.GetValue<string>(), null));
                break;
            case "multi_select":
                WriteMultiSelect(w, property, stored as JsonArray);
                break;
            case "relation":
                WriteRelation(w, stored as JsonArray, truncateRelations);
                return;
            case "people":
                WritePeople(w, stored as JsonArray);
                break;
            case "created_time":
                w.WriteStringValue(NotionTime.FormatPageTime(page.CreatedTime));
                break;
            case "last_edited_time":
                w.WriteStringValue(NotionTime.FormatPageTime(page.LastEditedTime));
                break;
            case "created_by":
                WriteUser(w, page.CreatedBy);
                break;
            case "last_edited_by":
                WriteUser(w, page.LastEditedBy);
                break;
            case "unique_id":
                w.WriteStartObject();
                WriteNodeValue(w, "prefix", property.Config["prefix"]);
                w.WriteNumber("number", page.UniqueNumber ?? 0);
                w.WriteEndObject();
                break;
            case "formula":
                ComputedValues.WriteFormula(w, workspace.Computed.Evaluate(dataSource, property, page));
                break;
            case "rollup":
                workspace.Computed.WriteRollup(w, dataSource, property, page);
                break;
            case "button":
                w.WriteStartObject();
                w.WriteEndObject();
                break;
            case "verification":
                w.WriteStartObject();
                w.WriteString("state", "unverified");
                w.WriteNull("date");
                w.WriteNull("verified_by");
                w.WriteEndObject();
                break;
            default:
                WriteStored(w, stored, "null");
                break;
        }
    }

    public void WriteUser(Utf8JsonWriter w, string userId)
    {
        var user = workspace.FindUser(userId);
        (user is null ? UserJson.Reference(userId) : UserJson.Full(user)).WriteTo(w);
    }

    private static void WriteRelation(Utf8JsonWriter w, JsonArray? ids, bool truncate)
    {
        var count = ids?.Count ?? 0;
        var shown = truncate ? Math.Min(count, RelationLimit) : count;
        w.WriteStartArray();
        for (var i = 0; i < shown; i++)
        {
            w.WriteStartObject();
            w.WriteString("id", ids![i]!.GetValue<string>());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("has_more", shown < count);
    }

    private void WritePeople(Utf8JsonWriter w, JsonArray? ids)
    {
        w.WriteStartArray();
        foreach (var id in ids ?? [])
        {
            WriteUser(w, id!.GetValue<string>());
        }
        w.WriteEndArray();
    }

    private static void WriteMultiSelect(Utf8JsonWriter w, NotionProperty property, JsonArray? ids)
    {
        w.WriteStartArray();
        foreach (var id in ids ?? [])
        {
            var option = property.FindOption(id!.GetValue<string>(), null);
            if (option is not null)
            {
                WriteOption(w, option);
            }
        }
        w.WriteEndArray();
    }

    public static void WriteOption(Utf8JsonWriter w, NotionOption? option)
    {
        if (option is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("id", option.Id);
        w.WriteString("name", option.Name);
        w.WriteString("color", option.Color);
        w.WriteEndObject();
    }

    private void WriteParent(Utf8JsonWriter w, NotionPage page, ApiVersion version)
    {
        w.WriteStartObject("parent");
        if (page.DataSourceId is { } dataSourceId)
        {
            var databaseId = workspace.FindDataSourceUnlocked(dataSourceId)?.DatabaseId ?? dataSourceId;
            if (version.IsLegacy)
            {
                w.WriteString("type", "database_id");
                w.WriteString("database_id", databaseId);
            }
            else
            {
                w.WriteString("type", "data_source_id");
                w.WriteString("data_source_id", dataSourceId);
                w.WriteString("database_id", databaseId);
            }
        }
        else
        {
            w.WriteString("type", "page_id");
            w.WriteString("page_id", page.ParentPageId);
        }
        w.WriteEndObject();
    }

    private static void WriteUserReference(Utf8JsonWriter w, string name, string userId)
    {
        w.WriteStartObject(name);
        w.WriteString("object", "user");
        w.WriteString("id", userId);
        w.WriteEndObject();
    }

    public static void WriteNode(Utf8JsonWriter w, string name, JsonNode? node)
    {
        w.WritePropertyName(name);
        WriteStored(w, node, "null");
    }

    private static void WriteNodeValue(Utf8JsonWriter w, string name, JsonNode? node) => WriteNode(w, name, node);

    public static void WriteStored(Utf8JsonWriter w, JsonNode? node, string fallbackJson)
    {
        if (node is null)
        {
            w.WriteRawValue(fallbackJson);
        }
        else
        {
            node.WriteTo(w);
        }
    }
}
