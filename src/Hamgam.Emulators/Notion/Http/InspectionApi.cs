using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Hamgam.Emulators.Notion.Http;

/// <summary>
/// <c>/_emulator/notion/...</c>: see and change the workspace without a token, the rate limit or faults
/// (for tests and the demo's "watch Notion change" view). Bodies are the same shapes as the API's.
/// </summary>
internal static class InspectionApi
{
    public const string Prefix = "/_emulator/notion";

    public static async Task HandleAsync(HttpContext context, NotionEmulatorState state)
    {
        var segments = (context.Request.Path.Value ?? string.Empty)[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        JsonNode result;
        int status = 200;
        try
        {
            Guard(context.Request, state.Options);
            var body = await NotionApiRequest.ReadBodyAsync(context, int.MaxValue); // test-only inspection, not the Notion API: no size limit
            result = segments.Length > 0 && segments[0] == "webhooks"
                ? await WebhookInspection.HandleAsync(context.Request.Method, segments, body, state.Workspace.Webhooks, context.RequestAborted)
                : Dispatch(context, state, segments, body);
        }
        catch (NotionApiException error)
        {
            status = error.Status;
            result = new JsonObject { ["object"] = "error", ["status"] = error.Status, ["code"] = error.Code, ["message"] = error.Message };
        }
        catch (ArgumentException error)
        {
            status = 400;
            result = new JsonObject { ["object"] = "error", ["status"] = 400, ["code"] = "validation_error", ["message"] = error.Message };
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = NotionResponse.JsonContentType;
        await context.Response.WriteAsync(result.ToJsonString(new JsonSerializerOptions { Encoder = NotionJson.WriterOptions.Encoder }), context.RequestAborted);
        state.SaveIfDirty();
    }

    /// <summary>The per-run secret, a loopback Host (no DNS rebinding) and JSON bodies (no cross-site simple requests).</summary>
    private static void Guard(HttpRequest request, NotionEmulatorOptions options)
    {
        var host = request.Host.Host;
        if (host is not ("localhost" or "127.0.0.1" or "[::1]" or "::1"))
        {
            throw new NotionApiException(403, "restricted_resource", "The inspection routes answer only to a loopback Host.");
        }

        var presented = System.Text.Encoding.UTF8.GetBytes(request.Headers[NotionEmulatorOptions.InspectionSecretHeader].ToString());
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(presented, System.Text.Encoding.UTF8.GetBytes(options.InspectionSecret)))
        {
            throw new NotionApiException(401, "unauthorized", $"The inspection routes need the {NotionEmulatorOptions.InspectionSecretHeader} header.");
        }

        var hasBody = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsHead(request.Method));
        if (hasBody && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new NotionApiException(415, "validation_error", "The inspection routes take application/json bodies only.");
        }
    }

    private static JsonObject Dispatch(HttpContext context, NotionEmulatorState state, string[] s, JsonObject body)
    {
        var workspace = state.Workspace;
        var method = context.Request.Method;
        return (method, s.Length, s.Length > 0 ? s[0] : string.Empty) switch
        {
            ("GET", 0, _) => Summary(state),
            ("GET", 1, "data_sources") => SummaryList(workspace),
            ("GET", 2, "data_sources") => workspace.GetDataSource(s[1]) ?? throw workspace.NotFound("data_source", s[1]),
            ("GET", 3, "data_sources") when s[2] == "pages" => new JsonObject
            {
                ["results"] = new JsonArray(workspace.ListPages(s[1], context.Request.Query["include_trashed"] == "true").Select(p => (JsonNode)p).ToArray()),
            },
            ("POST", 1, "pages") => workspace.CreatePage(body),
            ("GET", 2, "pages") => workspace.GetPage(s[1]) ?? throw workspace.NotFound("page", s[1]),
            ("PATCH", 2, "pages") => workspace.UpdatePage(s[1], body),
            ("POST", 3, "pages") when s[2] == "move" => workspace.MovePage(s[1], body),
            ("GET", 1, "faults") => Faults(state.Faults),
            ("PUT", 1, "faults") => SetFaults(state.Faults, body),
            _ => throw NotionApiException.InvalidRequestUrl(),
        };
    }

    private static JsonObject Summary(NotionEmulatorState state) => new()
    {
        ["bot_user_id"] = state.Workspace.BotUserId,
        ["owner_user_id"] = state.Workspace.OwnerUserId,
        ["root_page_id"] = state.Workspace.RootPageId,
        ["request_count"] = state.RequestCount,
        ["data_sources"] = SummaryList(state.Workspace)["results"]!.DeepClone(),
    };

    private static JsonObject SummaryList(NotionWorkspace workspace) => new()
    {
        ["results"] = new JsonArray(workspace.ListDataSources().Select(d => (JsonNode)new JsonObject
        {
            ["id"] = d.DataSourceId,
            ["database_id"] = d.DatabaseId,
            ["title"] = d.Title,
            ["page_count"] = d.PageCount,
            ["trashed_count"] = d.TrashedCount,
        }).ToArray()),
    };

    private static JsonObject Faults(NotionFaults faults) => new()
    {
        ["latency_ms"] = faults.Latency.TotalMilliseconds,
        ["error_rate"] = faults.ErrorRate,
        ["error_statuses"] = new JsonArray(faults.ErrorStatuses.Select(s => (JsonNode)s).ToArray()),
        ["drop_connection_rate"] = faults.DropConnectionRate,
        ["seed"] = faults.Seed,
    };

    private static JsonObject SetFaults(NotionFaults faults, JsonObject body)
    {
        if (body["latency_ms"] is JsonValue latency)
        {
            faults.Latency = TimeSpan.FromMilliseconds(latency.GetValue<double>());
        }
        if (body["error_rate"] is JsonValue rate)
        {
            faults.ErrorRate = rate.GetValue<double>();
        }
        if (body["drop_connection_rate"] is JsonValue drop)
        {
            faults.DropConnectionRate = drop.GetValue<double>();
        }
        if (body["error_statuses"] is JsonArray statuses)
        {
            faults.ErrorStatuses.Clear();
            foreach (var item in statuses)
            {
                faults.ErrorStatuses.Add(item!.GetValue<int>());
            }
        }
        if (body.ContainsKey("seed"))
        {
            faults.Seed = body["seed"]?.GetValue<int>();
        }
        return Faults(faults);
    }
}
