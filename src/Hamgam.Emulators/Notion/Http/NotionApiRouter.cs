using System.Text.Json;
using Hamgam.Emulators.Notion.Model;
using Hamgam.Emulators.Notion.Query;

namespace Hamgam.Emulators.Notion.Http;

/// <summary>Maps method and path to a handler; anything unknown is Notion's 400 invalid_request_url.</summary>
internal sealed class NotionApiRouter(NotionEmulatorState state)
{
    private NotionWorkspace Workspace => state.Workspace;

    public NotionResponse Dispatch(NotionApiRequest request)
    {
        var s = request.Segments;
        var legacy = request.Version.IsLegacy;
        return (request.Method, s.Length, s.Length > 0 ? s[0] : string.Empty) switch
        {
            ("GET", 2, "databases") => GetDatabase(request),
            ("POST", 1, "databases") => CreateDatabase(request),
            ("POST", 3, "databases") when s[2] == "query" && legacy => QueryLegacy(request),
            ("GET", 2, "data_sources") when !legacy => GetDataSource(request),
            ("PATCH", 2, "data_sources") when !legacy => UpdateDataSource(request),
            ("POST", 3, "data_sources") when s[2] == "query" && !legacy => Query(request),
            ("POST", 1, "pages") => CreatePage(request),
            ("GET", 2, "pages") => GetPage(request),
            ("PATCH", 2, "pages") => UpdatePage(request),
            ("POST", 3, "pages") when s[2] == "move" => MovePage(request),
            ("POST", 1, "search") => Search(request),
            ("GET", 4, "pages") when s[2] == "properties" => new PropertyItemHandler(Workspace).Handle(request),
            ("GET", 1, "users") => ListUsers(request),
            ("GET", 2, "users") => GetUser(request),
            _ => throw NotionApiException.InvalidRequestUrl(),
        };
    }

    private NotionResponse GetDatabase(NotionApiRequest request)
    {
        var id = request.PathId(1, "database_id");
        lock (Workspace.Gate)
        {
            var database = Workspace.FindDatabaseUnlocked(id) ?? throw Workspace.NotFound("database", id);
            return request.Ok(w => Workspace.Schemas.WriteDatabase(w, database, request.Version));
        }
    }

    private NotionResponse CreateDatabase(NotionApiRequest request)
    {
        lock (Workspace.Gate)
        {
            var database = Workspace.Databases.Create(request.Body, request.Version);
            return request.Ok(w => Workspace.Schemas.WriteDatabase(w, database, request.Version));
        }
    }

    private NotionResponse GetDataSource(NotionApiRequest request)
    {
        var id = request.PathId(1, "data_source_id");
        lock (Workspace.Gate)
        {
            var dataSource = Workspace.FindDataSourceUnlocked(id) ?? throw Workspace.NotFound("data_source", id);
            return request.Ok(w => Workspace.Schemas.WriteDataSource(w, dataSource, request.Version));
        }
    }

    private NotionResponse UpdateDataSource(NotionApiRequest request)
    {
        var id = request.PathId(1, "data_source_id");
        lock (Workspace.Gate)
        {
            var dataSource = Workspace.Databases.UpdateDataSource(id, request.Body);
            return request.Ok(w => Workspace.Schemas.WriteDataSource(w, dataSource, request.Version));
        }
    }

    private NotionResponse Query(NotionApiRequest request)
    {
        var id = request.PathId(1, "data_source_id");
        lock (Workspace.Gate)
        {
            var dataSource = Workspace.FindDataSourceUnlocked(id) ?? throw Workspace.NotFound("data_source", id);
            return WriteQuery(request, dataSource, "page_or_data_source");
        }
    }

    private NotionResponse QueryLegacy(NotionApiRequest request)
    {
        var id = request.PathId(1, "database_id");
        lock (Workspace.Gate)
        {
            var database = Workspace.FindDatabaseUnlocked(id) ?? throw Workspace.NotFound("database", id);
            if (database.DataSourceIds.Count > 1)
            {
                throw NotionApiException.Validation("Databases with multiple data sources are not supported in this API version.");
            }
            return WriteQuery(request, Workspace.LegacyDataSource(database), "page_or_database");
        }
    }

    private NotionResponse WriteQuery(NotionApiRequest request, NotionDataSource dataSource, string listType)
    {
        var page = Workspace.Queries.Run(dataSource, request.Body, Workspace.Now, state.Options.QueryResultCap, state.Options.IncompleteOnFirstPage);
        var options = new RenderOptions(request.Version, request.FilterProperties());
        return request.Ok(w =>
        {
            w.WriteString("object", "list");
            w.WriteStartArray("results");
            foreach (var result in page.Results)
            {
                w.WriteStartObject();
                Workspace.Renderer.WritePage(w, result, options);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteListTail(w, page.NextCursor, page.HasMore, listType);
            if (page.Incomplete)
            {
                w.WriteStartObject("request_status");
                w.WriteString("type", "incomplete");
                w.WriteString("incomplete_reason", "query_result_limit_reached");
                w.WriteEndObject();
            }
        });
    }

    public static void WriteListTail(Utf8JsonWriter w, string? nextCursor, bool hasMore, string listType)
    {
        if (nextCursor is null)
        {
            w.WriteNull("next_cursor");
        }
        else
        {
            w.WriteString("next_cursor", nextCursor);
        }
        w.WriteBoolean("has_more", hasMore);
        w.WriteString("type", listType);
        w.WriteStartObject(listType);
        w.WriteEndObject();
    }

    private NotionResponse CreatePage(NotionApiRequest request)
    {
        lock (Workspace.Gate)
        {
            var page = Workspace.Pages.Create(request.Body, Workspace.BotUserId);
            return request.Ok(w => Workspace.Renderer.WritePage(w, page, new RenderOptions(request.Version)));
        }
    }

    private NotionResponse GetPage(NotionApiRequest request)
    {
        var id = request.PathId(1, "page_id");
        lock (Workspace.Gate)
        {
            var page = Workspace.FindPageUnlocked(id) ?? throw Workspace.NotFound("page", id);
            return request.Ok(w => Workspace.Renderer.WritePage(w, page, new RenderOptions(request.Version, request.FilterProperties())));
        }
    }

    private NotionResponse UpdatePage(NotionApiRequest request)
    {
        var id = request.PathId(1, "page_id");
        lock (Workspace.Gate)
        {
            var page = Workspace.Pages.Update(id, request.Body, request.Version, Workspace.BotUserId);
            return request.Ok(w => Workspace.Renderer.WritePage(w, page, new RenderOptions(request.Version)));
        }
    }

    private NotionResponse MovePage(NotionApiRequest request)
    {
        var id = request.PathId(1, "page_id");
        lock (Workspace.Gate)
        {
            var page = Workspace.Pages.Move(id, request.Body, Workspace.BotUserId);
            return request.Ok(w => Workspace.Renderer.WritePage(w, page, new RenderOptions(request.Version)));
        }
    }

    private NotionResponse Search(NotionApiRequest request)
    {
        lock (Workspace.Gate)
        {
            var page = Workspace.Search.Run(request.Body, request.Version);
            var options = new RenderOptions(request.Version);
            return request.Ok(w =>
            {
                w.WriteString("object", "list");
                w.WriteStartArray("results");
                foreach (var hit in page.Results)
                {
                    w.WriteStartObject();
                    if (hit.Page is { } p)
                    {
                        Workspace.Renderer.WritePage(w, p, options);
                    }
                    else if (hit.DataSource is { } d)
                    {
                        Workspace.Schemas.WriteDataSource(w, d, request.Version);
                    }
                    else
                    {
                        Workspace.Schemas.WriteDatabase(w, hit.Database!, request.Version);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                WriteListTail(w, page.NextCursor, page.HasMore, request.Version.IsLegacy ? "page_or_database" : "page_or_data_source");
            });
        }
    }

    private NotionResponse ListUsers(NotionApiRequest request)
    {
        lock (Workspace.Gate)
        {
            var users = Workspace.Users.ToList();
            return request.Ok(w =>
            {
                w.WriteString("object", "list");
                w.WriteStartArray("results");
                foreach (var user in users)
                {
                    w.WriteStartObject();
                    Workspace.Schemas.WriteUserObject(w, user, asMe: false);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                WriteListTail(w, null, false, "user");
            });
        }
    }

    private NotionResponse GetUser(NotionApiRequest request)
    {
        var isMe = request.Segments[1] == "me";
        var id = isMe ? Workspace.BotUserId : request.PathId(1, "user_id");
        lock (Workspace.Gate)
        {
            var user = Workspace.FindUser(id) ?? throw Workspace.NotFound("user", id);
            return request.Ok(w => Workspace.Schemas.WriteUserObject(w, user, isMe));
        }
    }
}
