using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

/// <summary>Builds and edits data source schemas from request-shaped property configurations.</summary>
internal sealed class SchemaBuilder(NotionWorkspace workspace)
{
    private static readonly HashSet<string> KnownTypes =
    [
        "title", "rich_text", "number", "select", "multi_select", "status", "date", "people", "files", "checkbox", "url",
        "email", "phone_number", "formula", "relation", "rollup", "created_time", "created_by", "last_edited_time",
        "last_edited_by", "unique_id", "button", "place", "verification",
    ];

    public void AddAll(NotionDataSource dataSource, JsonObject? properties, string path)
    {
        var pendingRollups = new List<(string Name, JsonObject Config)>();
        foreach (var (name, config) in properties ?? [])
        {
            var obj = config as JsonObject ?? throw NotionApiException.Body($"{path}.{name}", "an object", config?.ToJsonString() ?? "null");
            if (TypeOf(obj) == "rollup")
            {
                pendingRollups.Add((name, obj));
                continue;
            }
            Add(dataSource, name, obj, $"{path}.{name}");
        }
        foreach (var (name, obj) in pendingRollups)
        {
            Add(dataSource, name, obj, $"{path}.{name}");
        }
        if (!dataSource.Properties.Any(p => p.Type == "title"))
        {
            dataSource.Properties.Add(new NotionProperty { Id = "title", Name = "Name", Type = "title" });
        }
    }

    public void Patch(NotionDataSource dataSource, JsonObject properties)
    {
        foreach (var (key, change) in properties)
        {
            var path = $"body.properties.{key}";
            var existing = dataSource.FindProperty(key);
            if (change is null)
            {
                if (existing is null)
                {
                    throw NotionApiException.Validation($"{key} is not a property that exists.");
                }
                if (existing.Type == "title")
                {
                    throw NotionApiException.Validation("Cannot delete the title property.");
                }
                dataSource.Properties.Remove(existing);
                workspace.DropValues(dataSource, existing.Id);
                continue;
            }
            var obj = change as JsonObject ?? throw NotionApiException.Body(path, "an object or `null`", change.ToJsonString());
            if (existing is null)
            {
                Add(dataSource, obj["name"]?.GetValue<string>() ?? key, obj, path);
                continue;
            }
            if (obj["name"]?.GetValue<string>() is { } newName)
            {
                existing.Name = newName;
            }
            if (obj.ContainsKey("description"))
            {
                existing.Description = obj["description"]?.GetValue<string>();
            }
            var type = TypeOf(obj);
            if (type is null)
            {
                continue;
            }
            if (type != existing.Type)
            {
                workspace.DropValues(dataSource, existing.Id);
                existing.Type = type;
                existing.Options.Clear();
                existing.Groups.Clear();
            }
            Configure(dataSource, existing, obj[type] as JsonObject ?? [], $"{path}.{type}", replaceOptions: true);
        }
    }

    private NotionProperty Add(NotionDataSource dataSource, string name, JsonObject obj, string path)
    {
        var type = TypeOf(obj) ?? throw NotionApiException.Body($"{path}.type", "defined", null);
        if (dataSource.Properties.Any(p => p.Name == name))
        {
            throw NotionApiException.Validation($"Property {name} already exists.");
        }
        if (type == "title" && dataSource.Properties.Any(p => p.Type == "title"))
        {
            throw NotionApiException.Validation("Cannot create a second title property.");
        }
        var property = new NotionProperty
        {
            Id = type == "title" ? "title" : NewUniquePropertyId(dataSource),
            Name = name,
            Type = type,
            Description = obj["description"]?.GetValue<string>(),
        };
        dataSource.Properties.Add(property);
        Configure(dataSource, property, obj[type] as JsonObject ?? [], $"{path}.{type}", replaceOptions: false);
        return property;
    }

    public static string NewUniquePropertyId(NotionDataSource dataSource)
    {
        string id;
        do
        {
            id = NotionIds.NewPropertyId();
        }
        while (id == "title" || dataSource.Properties.Any(p => p.Id == id));
        return id;
    }

    private static string? TypeOf(JsonObject obj)
    {
        if (obj["type"] is JsonValue t && t.TryGetValue<string>(out var declared))
        {
            return KnownTypes.Contains(declared) ? declared : throw NotionApiException.Body("body.properties.type", "a known property type", $"\"{declared}\"");
        }
        return obj.Select(kv => kv.Key).FirstOrDefault(KnownTypes.Contains);
    }

    private void Configure(NotionDataSource dataSource, NotionProperty property, JsonObject config, string path, bool replaceOptions)
    {
        switch (property.Type)
        {
            case "select" or "multi_select" or "status":
                ConfigureOptions(property, config, path, replaceOptions);
                break;
            case "number":
                property.Config = new JsonObject { ["format"] = config["format"]?.GetValue<string>() ?? "number" };
                break;
            case "formula":
                property.Config = new JsonObject { ["expression"] = config["expression"]?.GetValue<string>() ?? "" };
                break;
            case "unique_id":
                property.Config = new JsonObject { ["prefix"] = config["prefix"]?.GetValue<string>() };
                break;
            case "relation":
                workspace.ConfigureRelation(dataSource, property, config, path);
                break;
            case "rollup":
                property.Config = RollupConfig(dataSource, config, path);
                break;
            default:
                property.Config = [];
                break;
        }
    }

    private JsonObject RollupConfig(NotionDataSource dataSource, JsonObject config, string path)
    {
        var relationKey = config["relation_property_name"]?.GetValue<string>() ?? config["relation_property_id"]?.GetValue<string>()
            ?? throw NotionApiException.Body($"{path}.relation_property_name", "defined", null);
        var relation = dataSource.FindProperty(relationKey);
        if (relation is null || relation.Type != "relation")
        {
            throw NotionApiException.Validation($"Could not find property with name or id: {relationKey}");
        }
        var rollupKey = config["rollup_property_name"]?.GetValue<string>() ?? config["rollup_property_id"]?.GetValue<string>() ?? "title";
        var target = workspace.FindDataSourceUnlocked(relation.Config["data_source_id"]?.GetValue<string>() ?? string.Empty);
        var targetProperty = target?.FindProperty(rollupKey)
            ?? throw NotionApiException.Validation($"Could not find property with name or id: {rollupKey}");
        return new JsonObject
        {
            ["rollup_property_name"] = targetProperty.Name,
            ["relation_property_name"] = relation.Name,
            ["rollup_property_id"] = targetProperty.Id,
            ["relation_property_id"] = relation.Id,
            ["function"] = config["function"]?.GetValue<string>() ?? "show_original",
        };
    }

    private static void ConfigureOptions(NotionProperty property, JsonObject config, string path, bool replaceOptions)
    {
        var requested = config["options"] as JsonArray;
        if (requested is null && property.Type == "status" && property.Options.Count == 0)
        {
            AddDefaultStatus(property);
            return;
        }
        var kept = new List<NotionOption>();
        for (var i = 0; i < (requested?.Count ?? 0); i++)
        {
            var item = requested![i] as JsonObject ?? throw NotionApiException.Body($"{path}.options[{i}]", "an object", requested[i]?.ToJsonString());
            var id = item["id"]?.GetValue<string>();
            var name = item["name"]?.GetValue<string>();
            var option = property.FindOption(id, id is null ? name : null);
            if (option is null)
            {
                option = new NotionOption
                {
                    Id = id ?? Guid.NewGuid().ToString(),
                    Name = name ?? throw NotionApiException.Body($"{path}.options[{i}].name", "defined", null),
                    Color = "default",
                };
            }
            option.Name = name ?? option.Name;
            option.Color = item["color"]?.GetValue<string>() ?? option.Color;
            option.Description = item.ContainsKey("description") ? item["description"]?.GetValue<string>() : option.Description;
            kept.Add(option);
        }
        if (!replaceOptions || requested is not null)
        {
            property.Options.Clear();
            property.Options.AddRange(kept);
        }
        if (property.Type == "status")
        {
            ConfigureGroups(property, config["groups"] as JsonArray);
        }
    }

    private static void ConfigureGroups(NotionProperty property, JsonArray? groups)
    {
        if (groups is null)
        {
            if (property.Groups.Count == 0)
            {
                property.Groups.Add(new NotionStatusGroup { Id = Guid.NewGuid().ToString(), Name = "To-do", Color = "gray" });
                property.Groups.Add(new NotionStatusGroup { Id = Guid.NewGuid().ToString(), Name = "In progress", Color = "blue" });
                property.Groups.Add(new NotionStatusGroup { Id = Guid.NewGuid().ToString(), Name = "Complete", Color = "green" });
            }
            var grouped = property.Groups.SelectMany(g => g.OptionIds).ToHashSet();
            foreach (var group in property.Groups)
            {
                group.OptionIds.RemoveAll(id => property.Options.All(o => o.Id != id));
            }
            property.Groups[0].OptionIds.AddRange(property.Options.Where(o => !grouped.Contains(o.Id)).Select(o => o.Id));
            return;
        }
        property.Groups.Clear();
        foreach (var node in groups)
        {
            var group = new NotionStatusGroup
            {
                Id = node?["id"]?.GetValue<string>() ?? Guid.NewGuid().ToString(),
                Name = node?["name"]?.GetValue<string>() ?? "Group",
                Color = node?["color"]?.GetValue<string>() ?? "default",
            };
            foreach (var optionRef in node?["option_ids"] as JsonArray ?? [])
            {
                var reference = optionRef?.GetValue<string>();
                var option = property.Options.FirstOrDefault(o => o.Id == reference || o.Name == reference);
                if (option is not null)
                {
                    group.OptionIds.Add(option.Id);
                }
            }
            property.Groups.Add(group);
        }
    }

    private static void AddDefaultStatus(NotionProperty property)
    {
        property.Options.Add(new NotionOption { Id = Guid.NewGuid().ToString(), Name = "Not started", Color = "default" });
        property.Options.Add(new NotionOption { Id = Guid.NewGuid().ToString(), Name = "In progress", Color = "blue" });
        property.Options.Add(new NotionOption { Id = Guid.NewGuid().ToString(), Name = "Done", Color = "green" });
        property.Groups.Add(new NotionStatusGroup { Id = Guid.NewGuid().ToString(), Name = "To-do", Color = "gray" });
        property.Groups.Add(new NotionStatusGroup { Id = Guid.NewGuid().ToString(), Name = "In progress", Color = "blue" });
        property.Groups.Add(new NotionStatusGroup { Id = Guid.NewGuid().ToString(), Name = "Complete", Color = "green" });
        for (var i = 0; i < 3; i++)
        {
            property.Groups[i].OptionIds.Add(property.Options[i].Id);
        }
    }
}
