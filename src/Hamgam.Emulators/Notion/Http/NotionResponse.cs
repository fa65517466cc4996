using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Hamgam.Emulators.Notion.Http;

/// <summary>An answer of the emulated API: status, JSON body and the headers Notion sends with it.</summary>
internal sealed record NotionResponse(int Status, byte[] Body, string RequestId, int? RetryAfterSeconds = null)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static NotionResponse FromError(string requestId, NotionApiException error, int? retryAfter = null) =>
        new(error.Status, NotionJson.Error(requestId, error), requestId, retryAfter);

    public static NotionResponse RateLimited(string requestId, int retryAfter) => FromError(requestId,
        new NotionApiException(429, "rate_limited", "You have been rate limited. Please try again in a few minutes."), retryAfter);

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = JsonContentType;
        context.Response.Headers["x-notion-request-id"] = RequestId;
        if (RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        context.Response.ContentLength = Body.Length;
        await context.Response.Body.WriteAsync(Body, context.RequestAborted);
    }
}
