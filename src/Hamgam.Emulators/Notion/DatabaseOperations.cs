using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

/// <summary>Creating databases and editing data source schemas. Callers hold the lock.</summary>
internal sealed class DatabaseOperations(NotionWorkspace workspace)
{
    public NotionDatabase Create(JsonObject body, ApiVersion? version = null)
    {
        var parentNode = body["parent"] as JsonObject ?? throw NotionApiException.Body("body.parent", "defined", null);
        var parentId = NotionIds.Normalize(parentNode["page_id"]?.GetValue<string>())
            ?? throw NotionApiException.Body("body.parent.page_id", "a valid uuid", parentNode["page_id"]?.ToJsonString());
        _ = workspace.FindPageUnlocked(parentId) ?? throw workspace.NotFound("page", parentId);
        var title = body["title"] is null ? [] : RichText.Normalize(body["title"], "body.title", workspace);
        var now = workspace.Now;
        var database = new NotionDatabase
        {
            Id = NotionIds.NewId(),
            Title = title,
            Description = body["description"] is null ? [] : RichText.Normalize(body["description"], "body.description", workspace),
            Parent = new JsonObject { ["type"] = "page_id", ["page_id"] = parentId },
            IsInline = body["is_inline"] is JsonValue inline && inline.GetValueKind() == JsonValueKind.True,
            Icon = body["icon"]?.DeepClone(),
            Cover = body["cover"]?.DeepClone(),
            CreatedTime = now,
            LastEditedTime = now,
        };
        var dataSource = new NotionDataSource
        {
            Id = NotionIds.NewId(),
            DatabaseId = database.Id,
            Title = (JsonArray)title.DeepClone(),
            Description = (JsonArray)database.Description.DeepClone(),
            Icon = body["icon"]?.DeepClone(),
            CreatedTime = now,
            LastEditedTime = now,
        };
        database.DataSourceIds.Add(dataSource.Id);
        workspace.Register(database);
        workspace.Register(dataSource);
        var legacy = version?.IsLegacy == true;
        var properties = legacy ? body["properties"] as JsonObject : body["initial_data_source"]?["properties"] as JsonObject;
        workspace.SchemaBuilder.AddAll(dataSource, properties, legacy ? "body.properties" : "body.initial_data_source.properties");
        workspace.IsDirty = true;
        return database;
    }

    public NotionDataSource UpdateDataSource(string dataSourceId, JsonObject body, string? actor = null)
    {
        var dataSource = workspace.FindDataSourceUnlocked(dataSourceId) ?? throw workspace.NotFound("data_source", dataSourceId);
        if (body["title"] is { } title)
        {
            dataSource.Title = RichText.Normalize(title, "body.title", workspace);
        }
        if (body["description"] is { } description)
        {
            dataSource.Description = RichText.Normalize(description, "body.description", workspace);
        }
        if (body.ContainsKey("icon"))
        {
            dataSource.Icon = body["icon"]?.DeepClone();
        }
        if (body["properties"] is { } properties)
        {
            workspace.SchemaBuilder.Patch(dataSource, properties as JsonObject
                ?? throw NotionApiException.Body("body.properties", "an object", properties.ToJsonString()));
        }
        foreach (var key in new[] { "in_trash", "archived" })
        {
            if (body[key] is JsonValue flag && flag.TryGetValue<bool>(out var trashed))
            {
                dataSource.InTrash = trashed;
            }
        }
        dataSource.LastEditedTime = workspace.Now;
        workspace.Touch(dataSource);
        if (body["properties"] is not null)
        {
            workspace.Webhooks.Publish(Webhooks.WebhookChange.ForSchema(dataSource, actor ?? workspace.BotUserId, workspace.BotUserId));
        }

        return dataSource;
    }

    public void ConfigureRelation(NotionDataSource dataSource, NotionProperty property, JsonObject config, string path)
    {
        var target = ResolveTarget(config, path);
        var type = config["type"]?.GetValue<string>() ?? (config.ContainsKey("dual_property") ? "dual_property" : "single_property");
        var result = new JsonObject
        {
            ["database_id"] = target.DatabaseId,
            ["data_source_id"] = target.Id,
            ["type"] = type,
        };
        if (type != "dual_property")
        {
            result["single_property"] = new JsonObject();
            property.Config = result;
            return;
        }
        var syncedName = $"Related to {RichText.PlainText(dataSource.Title)} ({property.Name})";
        var synced = new NotionProperty
        {
            Id = SchemaBuilder.NewUniquePropertyId(target),
            Name = UniqueName(target, syncedName),
            Type = "relation",
            Config = new JsonObject
            {
                ["database_id"] = dataSource.DatabaseId,
                ["data_source_id"] = dataSource.Id,
                ["type"] = "dual_property",
                ["dual_property"] = new JsonObject { ["synced_property_name"] = property.Name, ["synced_property_id"] = property.Id },
            },
        };
        target.Properties.Add(synced);
        workspace.Touch(target);
        result["dual_property"] = new JsonObject { ["synced_property_name"] = synced.Name, ["synced_property_id"] = synced.Id };
        property.Config = result;
    }

    private NotionDataSource ResolveTarget(JsonObject config, string path)
    {
        if (config["data_source_id"] is JsonValue ds && ds.TryGetValue<string>(out var rawDs))
        {
            var id = NotionIds.Normalize(rawDs) ?? throw NotionApiException.Body($"{path}.data_source_id", "a valid uuid", $"\"{rawDs}\"");
            return workspace.FindDataSourceUnlocked(id) ?? throw workspace.NotFound("data_source", id);
        }
        if (config["database_id"] is JsonValue db && db.TryGetValue<string>(out var rawDb))
        {
            var id = NotionIds.Normalize(rawDb) ?? throw NotionApiException.Body($"{path}.database_id", "a valid uuid", $"\"{rawDb}\"");
            var database = workspace.FindDatabaseUnlocked(id) ?? throw workspace.NotFound("database", id);
            return workspace.LegacyDataSource(database);
        }
        throw NotionApiException.Body($"{path}.data_source_id", "defined", null);
    }

    private static string UniqueName(NotionDataSource dataSource, string name)
    {
        var candidate = name;
        for (var i = 2; dataSource.Properties.Any(p => p.Name == candidate); i++)
        {
            candidate = $"{name} {i}";
        }
        return candidate;
    }
}
