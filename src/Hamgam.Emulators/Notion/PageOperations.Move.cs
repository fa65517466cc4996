using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

internal sealed partial class PageOperations
{
    /// <summary>
    /// <c>POST /v1/pages/{id}/move</c>: gives the page a new parent, a data source or a page. Values whose property has
    /// the same name and type in the new data source are kept (the title always is), the rest are dropped; the page
    /// leaves the old data source's queries and counts as edited now.
    /// </summary>
    public NotionPage Move(string pageId, JsonObject body, string actor)
    {
        var page = workspace.FindPageUnlocked(pageId) ?? throw workspace.NotFound("page", pageId);
        var parent = body["parent"] as JsonObject ?? throw NotionApiException.Body("body.parent", "defined", body["parent"]?.ToJsonString());
        if (!parent.ContainsKey("data_source_id") && !parent.ContainsKey("page_id"))
        {
            throw NotionApiException.Body("body.parent.page_id", "defined", null);
        }
        var (target, parentPageId) = ResolveParent(parent);
        if (page.InTrash)
        {
            throw NotionApiException.Validation(workspace.TrashedPageMessage);
        }
        if (parentPageId is not null && IsSelfOrDescendant(page.Id, parentPageId))
        {
            throw NotionApiException.Validation("A page cannot be moved into itself or into one of its descendants.");
        }
        var source = page.DataSourceId is null ? null : workspace.FindDataSourceUnlocked(page.DataSourceId);
        workspace.SearchIndex.BeforeChange(page);
        var kept = CarriedValues(source, target, page);
        page.Values.Clear();
        foreach (var (id, value) in kept)
        {
            page.Values[id] = value;
        }
        page.Corrupted.Clear();
        if (source is not null)
        {
            source.Pages.Remove(page);
            workspace.Touch(source);
        }
        page.DataSourceId = target?.Id;
        page.ParentPageId = parentPageId;
        page.UniqueNumber = target is not null && target.Properties.Any(p => p.Type == "unique_id") ? target.NextUniqueId++ : null;
        if (target is not null)
        {
            target.Pages.Add(page);
            workspace.Touch(target);
        }
        page.LastEditedTime = workspace.Now;
        page.LastEditedBy = actor;
        workspace.SearchIndex.Record(page);
        workspace.Webhooks.Publish(Webhooks.WebhookChange.ForPage("page.moved", page, target, actor, workspace.BotUserId));
        workspace.IsDirty = true;
        return page;
    }

    private static List<(string Id, JsonNode? Value)> CarriedValues(NotionDataSource? source, NotionDataSource? target, NotionPage page)
    {
        var titleId = source?.TitleProperty.Id ?? "title";
        var title = page.Values.GetValueOrDefault(titleId)?.DeepClone() ?? new JsonArray();
        var kept = new List<(string, JsonNode?)> { (target?.TitleProperty.Id ?? "title", title) };
        if (source is null || target is null)
        {
            return kept;
        }
        foreach (var property in source.Properties.Where(p => p.Type != "title" && page.Values.ContainsKey(p.Id)))
        {
            var match = target.Properties.FirstOrDefault(p => p.Name == property.Name && p.Type == property.Type);
            // Options are the old data source's (stored by id), a relation's dual side points back at the old one, and
            // computed values belong to the old schema: only plain values travel.
            if (match is not null && property.Type is not ("relation" or "unique_id" or "formula" or "rollup" or "select" or "multi_select" or "status"))
            {
                kept.Add((match.Id, page.Values[property.Id]?.DeepClone()));
            }
        }
        return kept;
    }

    private bool IsSelfOrDescendant(string pageId, string candidateId)
    {
        for (var id = candidateId; id is not null; id = workspace.FindPageUnlocked(id)?.ParentPageId)
        {
            if (id == pageId)
            {
                return true;
            }
        }
        return false;
    }
}
