namespace Hamgam.Web.Infrastructure.Security;

/// <summary>
/// The headers every response carries. The CSP is as tight as Blazor Server and AntDesign allow (checked in a real
/// browser by the CSP tests): scripts from this origin only (no inline script, no eval), styles from this origin plus
/// inline <c>style</c> attributes and elements (AntDesign and Blazor set them at run time), the circuit's WebSocket to
/// this origin, images and fonts from this origin or <c>data:</c>, and no framing, plugins or foreign form targets.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    });
}
