using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>
/// Every route needs the API key (as a bearer token) or a dashboard session signed in with it; only
/// <c>/healthz</c> and the sign-in page are open.
/// </summary>
public static class AuthSetup
{
    private const string PolicyScheme = "Hamgam";

    public static IServiceCollection AddHamgamAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<ApiKeyVault>();
        services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Bearer key or dashboard session", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.Cookie.Name = "hamgam.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.Events.OnRedirectToLogin = context =>
                {
                    // Browsers are sent to the sign-in page; scripts and API clients get a plain 401.
                    if (IsApi(context.Request) || !AcceptsHtml(context.Request))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery();
        return services;
    }

    /// <summary>Prepares the key; a newly generated key is written to the console once, never to the log.</summary>
    public static async Task InitializeApiKeyAsync(this WebApplication app)
    {
        var key = await app.Services.GetRequiredService<ApiKeyVault>().InitializeAsync(app.Lifetime.ApplicationStopping);
        if (key is not null)
        {
            Console.WriteLine();
            Console.WriteLine("  Hamgam generated your API key. It is shown this once; only its hash is stored:");
            Console.WriteLine($"    {key}");
            Console.WriteLine("  Sign in to the dashboard with it, or send it as 'Authorization: Bearer <key>'.");
            Console.WriteLine("  To choose your own, set Auth__ApiKey.");
            Console.WriteLine();
        }
    }

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext context, IAntiforgery antiforgery, string? error, string? returnUrl) =>
                SignInPage.Render(context, antiforgery.GetAndStoreTokens(context), error is not null, returnUrl))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", async (HttpContext context, [FromForm] string apiKey, [FromForm] string? returnUrl, ApiKeyVault vault) =>
            {
                if (!vault.Verify(apiKey))
                {
                    return Results.Redirect("/signin?error=1" + (returnUrl is { Length: > 0 } ? "&returnUrl=" + Uri.EscapeDataString(returnUrl) : ""));
                }

                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "owner")], CookieAuthenticationDefaults.AuthenticationScheme);
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
                return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
            })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", async (HttpContext context) =>
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.Redirect("/signin");
            })
            .ExcludeFromDescription();
        return app;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/hangfire");
}
