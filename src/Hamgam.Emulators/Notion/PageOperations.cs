using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;
using Hamgam.Emulators.Notion.Webhooks;

namespace Hamgam.Emulators.Notion;

/// <summary>Creating and updating pages: the one code path behind the API and the seeding methods. Callers hold the lock.</summary>
internal sealed partial class PageOperations(NotionWorkspace workspace)
{
    public NotionPage Create(JsonObject body, string actor)
    {
        var parent = body["parent"] as JsonObject ?? throw NotionApiException.Body("body.parent", "defined", null);
        var (dataSource, parentPageId) = ResolveParent(parent);
        var now = workspace.Now;
        var page = new NotionPage
        {
            Id = NotionIds.NewId(),
            Sequence = workspace.NextSequence(),
            DataSourceId = dataSource?.Id,
            ParentPageId = parentPageId,
            CreatedTime = now,
            LastEditedTime = now,
            CreatedBy = actor,
            LastEditedBy = actor,
            Icon = body["icon"]?.DeepClone(),
            Cover = body["cover"]?.DeepClone(),
        };
        var staged = Stage(dataSource, page, Properties(body));
        if (dataSource is not null && dataSource.Properties.Any(p => p.Type == "unique_id"))
        {
            page.UniqueNumber = dataSource.NextUniqueId++;
        }
        Commit(dataSource, page, staged, now);
        if (dataSource is null)
        {
            page.Values.TryAdd("title", new JsonArray());
        }
        else
        {
            page.Values.TryAdd(dataSource.TitleProperty.Id, new JsonArray());
            dataSource.Pages.Add(page);
            workspace.Touch(dataSource);
        }
        workspace.Register(page);
        workspace.SearchIndex.Record(page, created: true);
        workspace.IsDirty = true;
        workspace.Webhooks.Publish(WebhookChange.ForPage("page.created", page, dataSource, actor, workspace.BotUserId));
        return page;
    }

    public NotionPage Update(string pageId, JsonObject body, ApiVersion version, string actor)
    {
        var page = workspace.FindPageUnlocked(pageId) ?? throw workspace.NotFound("page", pageId);
        var inTrash = Flag(body, "in_trash");
        if (body.ContainsKey("archived"))
        {
            if (!version.HasArchived)
            {
                throw NotionApiException.Validation($"body failed validation: body.archived should be not present, instead was `{body["archived"]?.ToJsonString()}`.");
            }
            inTrash ??= Flag(body, "archived");
        }
        var onlyTrashChange = body.All(kv => kv.Key is "in_trash" or "archived");
        if (page.InTrash && inTrash != false && !onlyTrashChange)
        {
            throw NotionApiException.Validation(workspace.TrashedPageMessage);
        }
        var dataSource = page.DataSourceId is null ? null : workspace.FindDataSourceUnlocked(page.DataSourceId);
        var staged = Stage(dataSource, page, Properties(body));
        var now = workspace.Now;
        workspace.SearchIndex.BeforeChange(page);
        Commit(dataSource, page, staged, now);
        var wasInTrash = page.InTrash;
        page.InTrash = inTrash ?? page.InTrash;
        Publish(page, dataSource, actor, wasInTrash, staged);
        page.IsArchived = Flag(body, "is_archived") ?? page.IsArchived;
        page.IsLocked = Flag(body, "is_locked") ?? page.IsLocked;
        if (body.ContainsKey("icon"))
        {
            page.Icon = body["icon"]?.DeepClone();
        }
        if (body.ContainsKey("cover"))
        {
            page.Cover = body["cover"]?.DeepClone();
        }
        page.LastEditedTime = now;
        page.LastEditedBy = actor;
        if (dataSource is not null)
        {
            workspace.Touch(dataSource);
        }
        workspace.SearchIndex.Record(page);
        workspace.IsDirty = true;
        return page;
    }

    private void Publish(NotionPage page, NotionDataSource? dataSource, string actor, bool wasInTrash, List<(NotionProperty Property, JsonNode? Value)> staged)
    {
        if (staged.Count > 0)
        {
            workspace.Webhooks.Publish(WebhookChange.ForPage(
                "page.properties_updated", page, dataSource, actor, workspace.BotUserId, staged.Select(s => s.Property.Id).Distinct(StringComparer.Ordinal)));
        }

        if (page.InTrash != wasInTrash)
        {
            workspace.Webhooks.Publish(WebhookChange.ForPage(page.InTrash ? "page.deleted" : "page.undeleted", page, dataSource, actor, workspace.BotUserId));
        }
    }

    private static JsonObject? Properties(JsonObject body) => body["properties"] switch
    {
        null => null,
        JsonObject obj => obj,
        var other => throw NotionApiException.Body("body.properties", "an object", other.ToJsonString()),
    };

    private static bool? Flag(JsonObject body, string key) => body[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw NotionApiException.Body($"body.{key}", "a boolean", other.ToJsonString()),
    };

    private (NotionDataSource? DataSource, string? ParentPageId) ResolveParent(JsonObject parent)
    {
        if (parent.ContainsKey("data_source_id"))
        {
            var id = ParentId(parent, "data_source_id");
            return (workspace.FindDataSourceUnlocked(id) ?? throw workspace.NotFound("data_source", id), null);
        }
        if (parent.ContainsKey("database_id"))
        {
            var id = ParentId(parent, "database_id");
            var database = workspace.FindDatabaseUnlocked(id) ?? throw workspace.NotFound("database", id);
            return (workspace.LegacyDataSource(database), null);
        }
        if (parent.ContainsKey("page_id"))
        {
            var id = ParentId(parent, "page_id");
            _ = workspace.FindPageUnlocked(id) ?? throw workspace.NotFound("page", id);
            return (null, id);
        }
        throw NotionApiException.Body("body.parent.page_id", "defined", null);
    }

    private static string ParentId(JsonObject parent, string key)
    {
        var raw = parent[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return NotionIds.Normalize(raw) ?? throw NotionApiException.Body($"body.parent.{key}", "a valid uuid", parent[key]?.ToJsonString());
    }

    private List<(NotionProperty Property, JsonNode? Value)> Stage(NotionDataSource? dataSource, NotionPage page, JsonObject? properties)
    {
        var staged = new List<(NotionProperty, JsonNode?)>();
        if (properties is null)
        {
            return staged;
        }
        if (properties.Count > 100)
        {
            throw NotionApiException.Validation($"body failed validation: body.properties should have at most 100 properties, instead had {properties.Count}.");
        }
        foreach (var (key, raw) in properties)
        {
            var property = dataSource is null
                ? (key == "title" || raw is JsonArray || raw?["title"] is not null ? new NotionProperty { Id = "title", Name = key, Type = "title" } : null)
                : dataSource.FindProperty(key);
            if (property is null)
            {
                throw NotionApiException.Validation($"{key} is not a property that exists.");
            }
            staged.Add((property, workspace.Values.Parse(property, key, raw, page)));
        }
        return staged;
    }

    private void Commit(NotionDataSource? dataSource, NotionPage page, List<(NotionProperty Property, JsonNode? Value)> staged, DateTimeOffset now)
    {
        foreach (var (property, value) in staged)
        {
            if (dataSource is not null && property.Type == "relation" && property.Config["type"]?.GetValue<string>() == "dual_property")
            {
                SyncDualRelation(property, page, page.Values.GetValueOrDefault(property.Id) as JsonArray, value as JsonArray, now);
            }
            page.Values[property.Id] = value;
        }
    }

    private void SyncDualRelation(NotionProperty property, NotionPage page, JsonArray? before, JsonArray? after, DateTimeOffset now)
    {
        var syncedId = property.Config["dual_property"]?["synced_property_id"]?.GetValue<string>();
        if (syncedId is null)
        {
            return;
        }
        var old = (before ?? []).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var @new = (after ?? []).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var id in old.Union(@new))
        {
            if (old.Contains(id) == @new.Contains(id) || workspace.FindPageUnlocked(id) is not { DataSourceId: { } targetDs } target)
            {
                continue;
            }
            var list = target.Values.GetValueOrDefault(syncedId) as JsonArray ?? [];
            var existing = list.FirstOrDefault(n => n!.GetValue<string>() == page.Id);
            if (@new.Contains(id) && existing is null)
            {
                list.Add(page.Id);
            }
            else if (!@new.Contains(id) && existing is not null)
            {
                list.Remove(existing);
            }
            workspace.SearchIndex.BeforeChange(target);
            target.Values[syncedId] = list;
            target.LastEditedTime = now;
            workspace.SearchIndex.Record(target);
            workspace.Touch(workspace.FindDataSourceUnlocked(targetDs)!);
        }
    }
}
