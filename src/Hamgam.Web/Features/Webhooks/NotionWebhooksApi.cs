using System.Text.Json;
using Hamgam.Core.Settings;

namespace Hamgam.Web.Features.Webhooks;

/// <summary>
/// <c>POST /webhooks/notion</c>: Notion's webhook deliveries. Open without the API key (Notion cannot send one) and
/// trusted only through the signature; it answers at once and leaves the work to <see cref="WebhookWorker"/>.
/// Anything refused (too large, not JSON, badly signed) changes nothing.
/// </summary>
public static partial class NotionWebhooksApi
{
    public const string Route = "/webhooks/notion";

    /// <summary>Notion's events are a few hundred bytes; anything over 1 MB is refused unread.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapNotionWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, ReceiveAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("NotionWebhook")
            .WithSummary("Receives Notion webhook events (signed) and the one-time verification request.")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context, WebhookTokens tokens, WebhookInbox inbox, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(NotionWebhooksApi));
        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("type", out _) && root.TryGetProperty("verification_token", out var offered)
                ? await KeepVerificationAsync(offered, tokens, logger, cancellationToken)
                : await AcceptEventAsync(context.Request, body, root, tokens, inbox, logger, cancellationToken);
        }
    }

    /// <summary>Notion's one-time handshake is unsigned; the token is kept for the user to paste back, never logged.</summary>
    private static async Task<IResult> KeepVerificationAsync(JsonElement offered, WebhookTokens tokens, ILogger logger, CancellationToken cancellationToken)
    {
        if (offered.ValueKind != JsonValueKind.String || !await tokens.ReceiveAsync(offered.GetString()!, cancellationToken))
        {
            return Results.BadRequest();
        }

        LogVerification(logger);
        return Results.Ok();
    }

    private static async Task<IResult> AcceptEventAsync(
        HttpRequest request, byte[] body, JsonElement root, WebhookTokens tokens, WebhookInbox inbox, ILogger logger, CancellationToken cancellationToken)
    {
        var state = await tokens.GetAsync(cancellationToken);
        if (state.Active is null || !WebhookSignature.IsValid(body, request.Headers[WebhookSignature.Header].ToString(), state.Active))
        {
            LogBadSignature(logger);
            return Results.Unauthorized();
        }

        if (WebhookEvent.TryRead(root) is not { } received)
        {
            return Results.BadRequest();
        }

        if (!state.Verified)
        {
            await tokens.MarkVerifiedAsync(cancellationToken);
        }

        Accept(received, inbox, logger);
        return Results.Ok();
    }

    private static void Accept(WebhookEvent received, WebhookInbox inbox, ILogger logger)
    {
        if (!inbox.FirstDelivery(received.Id))
        {
            LogDuplicate(logger, received.Id);
            return;
        }

        if (received.PageToRefresh is { } page)
        {
            inbox.Post(new WebhookWork(WebhookWorkKind.Page, page, received.ParentDataSourceId));
        }
        else if (received.SchemaToCheck is { } dataSource)
        {
            inbox.Post(new WebhookWork(WebhookWorkKind.Schema, dataSource, null));
        }

        LogEvent(logger, received.Id, received.Type);
    }

    /// <summary>The raw body, or null when it is over <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 3204, Level = LogLevel.Information, Message = "Webhook: Notion sent a verification token; it is shown in Settings")]
    private static partial void LogVerification(ILogger logger);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "Webhook: a delivery with a missing or wrong signature was refused")]
    private static partial void LogBadSignature(ILogger logger);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Debug, Message = "Webhook: event {EventId} was delivered before; ignored")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Debug, Message = "Webhook: event {EventId} ({Type}) accepted")]
    private static partial void LogEvent(ILogger logger, string eventId, string type);
}
