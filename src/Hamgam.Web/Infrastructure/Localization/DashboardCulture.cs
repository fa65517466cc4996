using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Hamgam.Web.Infrastructure.Localization;

/// <summary>
/// The dashboard speaks Persian (fa-IR, right-to-left, Solar Hijri) unless the user switched to English (en-US);
/// the choice lives in the standard culture cookie, so it is remembered and a new circuit picks it up.
/// </summary>
public static class DashboardCulture
{
    public const string Persian = "fa-IR";
    public const string English = "en-US";

    public static IReadOnlyList<string> Supported { get; } = [Persian, English];

    /// <summary>The culture of dashboard pages; the REST API keeps the invariant formats of the process.</summary>
    public static WebApplication UseDashboardCulture(this WebApplication app)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Persian),
            SupportedCultures = [.. Supported.Select(c => new CultureInfo(c))],
            SupportedUICultures = [.. Supported.Select(c => new CultureInfo(c))],
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        };
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), branch => branch.UseRequestLocalization(options));
        return app;
    }

    /// <summary><c>GET /culture/{name}?redirect=/path</c>: remembers the language for a year and reloads the page.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{name}", (HttpContext context, string name, string? redirect) =>
            {
                var culture = Supported.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) ?? Persian;
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UnixEpoch.AddYears(100), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                return Results.LocalRedirect(IsLocal(redirect) ? redirect! : "/");
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
