using Microsoft.AspNetCore.Http;

namespace Hamgam.Emulators.Notion.Http;

/// <summary>The checks every API request passes, in order: faults, token, version, rate limit; then the router.</summary>
internal static class NotionApiPipeline
{
    private const string CountKey = "hamgam.emulator.request";

    public static async Task HandleAsync(HttpContext context, NotionEmulatorState state)
    {
        var requestId = Guid.NewGuid().ToString();
        var faults = state.Faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, context.RequestAborted);
        }
        if (faults.DrawTimeout())
        {
            await StallAsync(context, faults.TimeoutStall);
            return;
        }
        var (drop, injected) = faults.Draw();
        if (drop)
        {
            context.Abort();
            return;
        }
        if (injected is { } status)
        {
            await WriteInjectedAsync(context, status, requestId, faults.InjectedRetryAfterSeconds);
            return;
        }
        NotionResponse response;
        try
        {
            response = await AnswerAsync(context, state, requestId);
        }
        catch (NotionApiException error)
        {
            response = NotionResponse.FromError(requestId, error);
        }
        state.SaveIfDirty();
        if (context.Items[CountKey] is long count)
        {
            state.RequestServed?.Invoke(new EmulatorRequest(count, context.Request.Method, context.Request.Path.Value ?? ""));
        }

        if (faults.DrawLostResponse())
        {
            context.Abort();
            return;
        }

        if (response.Status == 200 && faults.DrawGarble(context.Request.Path.Value ?? string.Empty))
        {
            response = response with { Body = Truncated(response.Body) };
        }

        await response.WriteAsync(context);
    }

    /// <summary>The first half of a body, cut on a character boundary: valid UTF-8 whose JSON simply stops.</summary>
    private static byte[] Truncated(byte[] body)
    {
        var cut = body.Length / 2;
        while (cut > 0 && (body[cut] & 0xC0) == 0x80)
        {
            cut--;
        }
        return body[..cut];
    }

    private static async Task StallAsync(HttpContext context, TimeSpan stall)
    {
        try
        {
            await Task.Delay(stall, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up first, as it should.
        }
        context.Abort();
    }

    private static async Task<NotionResponse> AnswerAsync(HttpContext context, NotionEmulatorState state, string requestId)
    {
        var token = BearerToken(context);
        if (token is null || !state.Options.IsAccepted(token))
        {
            return NotionResponse.FromError(requestId, new NotionApiException(401, "unauthorized", "API token is invalid."));
        }
        var version = ApiVersion.Parse(context.Request.Headers["Notion-Version"].ToString());
        if (state.RateLimiter.TryAcquire(token) is { } retryAfter)
        {
            return NotionResponse.RateLimited(requestId, retryAfter);
        }
        context.Items[CountKey] = state.CountRequest();
        var body = await NotionApiRequest.ReadBodyAsync(context, state.Options.MaxRequestBodyBytes);
        var path = context.Request.Path.Value ?? string.Empty;
        var segments = path["/v1".Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return state.Router.Dispatch(new NotionApiRequest(context, version, requestId, segments, body));
    }

    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static async Task WriteInjectedAsync(HttpContext context, int status, string requestId, int retryAfter)
    {
        if (status == 502)
        {
            // Notion's edge answers 502 with an HTML page, a cf-ray header and no Notion request id.
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            context.Response.Headers["cf-ray"] = $"{requestId.Replace("-", "", StringComparison.Ordinal)[..16]}-EMU";
            await context.Response.WriteAsync("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n", context.RequestAborted);
            return;
        }
        var response = status switch
        {
            429 => NotionResponse.RateLimited(requestId, retryAfter),
            503 => NotionResponse.FromError(requestId, new NotionApiException(503, "service_unavailable", "Notion is unavailable, please try again later.")),
            504 => NotionResponse.FromError(requestId, new NotionApiException(504, "gateway_timeout", "Notion timed out while processing the request.")),
            _ => NotionResponse.FromError(requestId, new NotionApiException(status, "internal_server_error", "Unexpected error occurred.")),
        };
        await response.WriteAsync(context);
    }
}
