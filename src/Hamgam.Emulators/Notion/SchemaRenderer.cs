using System.Text.Json;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

/// <summary>Writes databases, data sources and users in Notion's key order.</summary>
internal sealed class SchemaRenderer(NotionWorkspace workspace)
{
    public void WriteDataSource(Utf8JsonWriter w, NotionDataSource dataSource, ApiVersion version)
    {
        var database = workspace.FindDatabaseUnlocked(dataSource.DatabaseId)!;
        w.WriteString("object", "data_source");
        w.WriteString("id", dataSource.Id);
        PageRenderer.WriteNode(w, "cover", dataSource.Cover);
        PageRenderer.WriteNode(w, "icon", dataSource.Icon);
        w.WriteString("created_time", NotionTime.FormatPageTime(dataSource.CreatedTime));
        WriteUserReference(w, "created_by", workspace.BotUserId);
        WriteUserReference(w, "last_edited_by", workspace.BotUserId);
        w.WriteString("last_edited_time", NotionTime.FormatPageTime(dataSource.LastEditedTime));
        PageRenderer.WriteNode(w, "title", dataSource.Title);
        PageRenderer.WriteNode(w, "description", dataSource.Description);
        w.WriteBoolean("is_inline", database.IsInline);
        WriteProperties(w, dataSource);
        w.WriteStartObject("parent");
        w.WriteString("type", "database_id");
        w.WriteString("database_id", database.Id);
        w.WriteEndObject();
        PageRenderer.WriteNode(w, "database_parent", database.Parent);
        w.WriteString("url", DatabaseUrl(database));
        w.WriteNull("public_url");
        w.WriteBoolean("in_trash", dataSource.InTrash);
        if (version.HasArchived)
        {
            w.WriteBoolean("archived", dataSource.InTrash);
        }
    }

    public void WriteDatabase(Utf8JsonWriter w, NotionDatabase database, ApiVersion version)
    {
        if (version.IsLegacy)
        {
            WriteLegacyDatabase(w, database);
            return;
        }
        w.WriteString("object", "database");
        w.WriteString("id", database.Id);
        PageRenderer.WriteNode(w, "title", database.Title);
        PageRenderer.WriteNode(w, "description", database.Description);
        PageRenderer.WriteNode(w, "parent", database.Parent);
        w.WriteBoolean("is_inline", database.IsInline);
        w.WriteBoolean("in_trash", database.InTrash);
        w.WriteBoolean("is_locked", database.IsLocked);
        w.WriteString("created_time", NotionTime.FormatDatabaseTime(database.CreatedTime));
        w.WriteString("last_edited_time", NotionTime.FormatDatabaseTime(database.LastEditedTime));
        w.WriteStartArray("data_sources");
        foreach (var id in database.DataSourceIds)
        {
            var dataSource = workspace.FindDataSourceUnlocked(id)!;
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("name", RichText.PlainText(dataSource.Title));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        PageRenderer.WriteNode(w, "icon", database.Icon);
        PageRenderer.WriteNode(w, "cover", database.Cover);
        w.WriteString("url", DatabaseUrl(database));
        w.WriteNull("public_url");
        if (version.HasArchived)
        {
            w.WriteBoolean("archived", database.InTrash);
        }
    }

    /// <summary>The pre-2025-09-03 database object: the first data source's schema on the database itself.</summary>
    private void WriteLegacyDatabase(Utf8JsonWriter w, NotionDatabase database)
    {
        var dataSource = workspace.LegacyDataSource(database);
        w.WriteString("object", "database");
        w.WriteString("id", database.Id);
        PageRenderer.WriteNode(w, "cover", database.Cover);
        PageRenderer.WriteNode(w, "icon", database.Icon);
        w.WriteString("created_time", NotionTime.FormatPageTime(database.CreatedTime));
        WriteUserReference(w, "created_by", workspace.BotUserId);
        WriteUserReference(w, "last_edited_by", workspace.BotUserId);
        w.WriteString("last_edited_time", NotionTime.FormatPageTime(database.LastEditedTime));
        PageRenderer.WriteNode(w, "title", database.Title);
        PageRenderer.WriteNode(w, "description", database.Description);
        w.WriteBoolean("is_inline", database.IsInline);
        WriteProperties(w, dataSource);
        PageRenderer.WriteNode(w, "parent", database.Parent);
        w.WriteString("url", DatabaseUrl(database));
        w.WriteNull("public_url");
        w.WriteBoolean("archived", database.InTrash);
        w.WriteBoolean("in_trash", database.InTrash);
    }

    public static string DatabaseUrl(NotionDatabase database) => $"https://www.notion.so/{NotionIds.Compact(database.Id)}";

    private static void WriteProperties(Utf8JsonWriter w, NotionDataSource dataSource)
    {
        w.WriteStartObject("properties");
        foreach (var property in dataSource.Properties)
        {
            w.WriteStartObject(property.Name);
            w.WriteString("id", property.Id);
            w.WriteString("name", property.Name);
            if (property.Description is null)
            {
                w.WriteNull("description");
            }
            else
            {
                w.WriteString("description", property.Description);
            }
            w.WriteString("type", property.Type);
            w.WritePropertyName(property.Type);
            WriteConfig(w, property);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteConfig(Utf8JsonWriter w, NotionProperty property)
    {
        if (property.Type is not ("select" or "multi_select" or "status"))
        {
            property.Config.WriteTo(w);
            return;
        }
        w.WriteStartObject();
        w.WriteStartArray("options");
        foreach (var option in property.Options)
        {
            w.WriteStartObject();
            w.WriteString("id", option.Id);
            w.WriteString("name", option.Name);
            w.WriteString("color", option.Color);
            if (option.Description is null)
            {
                w.WriteNull("description");
            }
            else
            {
                w.WriteString("description", option.Description);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (property.Type == "status")
        {
            w.WriteStartArray("groups");
            foreach (var group in property.Groups)
            {
                w.WriteStartObject();
                w.WriteString("id", group.Id);
                w.WriteString("name", group.Name);
                w.WriteString("color", group.Color);
                w.WriteStartArray("option_ids");
                group.OptionIds.ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public void WriteUserObject(Utf8JsonWriter w, NotionUser user, bool asMe)
    {
        w.WriteString("object", "user");
        w.WriteString("id", user.Id);
        w.WriteString("name", user.Name);
        if (user.AvatarUrl is null)
        {
            w.WriteNull("avatar_url");
        }
        else
        {
            w.WriteString("avatar_url", user.AvatarUrl);
        }
        w.WriteString("type", user.Type);
        w.WriteStartObject(user.Type);
        if (user.Type == "person")
        {
            w.WriteString("email", user.Email);
        }
        else if (asMe)
        {
            w.WriteStartObject("owner");
            w.WriteString("type", "workspace");
            w.WriteBoolean("workspace", true);
            w.WriteEndObject();
            w.WriteString("workspace_name", workspace.WorkspaceName);
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
}
