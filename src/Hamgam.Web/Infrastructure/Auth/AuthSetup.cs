using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>
/// Every route needs the API key (as a bearer token) or a current dashboard session signed in with it (the fallback
/// policy). Open routes say so one by one with <c>AllowAnonymous()</c>: <c>/healthz</c>, the sign-in page, the demo
/// button, the language switch; a route that checks its own credential (a signed webhook) joins them the same way,
/// and the security suite's list of open routes (tests/…/Security) must name it.
/// </summary>
public static class AuthSetup
{
    public const string SessionCookie = "hamgam.session";
    private const string PolicyScheme = "Hamgam";
    private const string SignInLimit = "signin";

    public static IServiceCollection AddHamgamKeyVault(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ApiKeyVault>();
        return services;
    }

    public static IServiceCollection AddHamgamAuth(this IServiceCollection services)
    {
        services.AddHamgamKeyVault();
        services.AddSingleton<KeyAttempts>();
        services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Bearer key or dashboard session", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
                o.Events.OnRedirectToLogin = RedirectOrUnauthorized;
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddScoped<CircuitHandler, SessionCircuitGate>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(KeyAttempts.Client(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>Authentication, the wrong-key limit, authorization, antiforgery (forms and cookie-authenticated API calls).</summary>
    public static WebApplication UseHamgamAuth(this WebApplication app)
    {
        KeyAttempts.UseKeyAttemptLimit(app);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseApiAntiforgery();
        return app;
    }

    /// <summary>Prepares the key; a newly generated key goes to a file only its owner can read, never to the log or console.</summary>
    public static async Task InitializeApiKeyAsync(this WebApplication app)
    {
        var keyFile = await app.Services.GetRequiredService<ApiKeyVault>().InitializeAsync(app.Lifetime.ApplicationStopping);
        if (keyFile is not null)
        {
            Console.WriteLine();
            Console.WriteLine("  Hamgam generated your API key and wrote it (readable by you only) to:");
            Console.WriteLine($"    {keyFile}");
            Console.WriteLine("  Sign in to the dashboard with it, or send it as 'Authorization: Bearer <key>'.");
            Console.WriteLine("  Delete the file once you have stored the key elsewhere; `hamgam key` makes a new one.");
            Console.WriteLine();
        }
    }

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext context, IAntiforgery antiforgery, string? error, string? returnUrl) =>
                SignInPage.Render(context, antiforgery.GetAndStoreTokens(context), error is not null, ReturnUrls.Safe(returnUrl)))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(SignInLimit).ExcludeFromDescription();
        app.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.BadRequest();
                }

                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.Redirect("/signin");
            })
            .ExcludeFromDescription();
        return app;
    }

    public static RouteHandlerBuilder RequireSignInLimit(this RouteHandlerBuilder builder) => builder.RequireRateLimiting(SignInLimit);

    private static async Task<IResult> SignInAsync(
        HttpContext context, [FromForm] string apiKey, [FromForm] string? returnUrl, ApiKeyVault vault, KeyAttempts attempts)
    {
        var target = ReturnUrls.Safe(returnUrl);
        if (!await vault.VerifyAsync(apiKey, context.RequestAborted))
        {
            attempts.RecordFailure(context, "sign-in");
            return Results.Redirect("/signin?error=1" + (target != "/" ? "&returnUrl=" + Uri.EscapeDataString(target) : ""));
        }

        await Sessions.SignInAsync(context, Sessions.OwnerMode);
        return Results.LocalRedirect(target);
    }

    private static Task RedirectOrUnauthorized(RedirectContext<CookieAuthenticationOptions> context)
    {
        // Browsers are sent to the sign-in page; scripts and API clients get a plain 401.
        var request = context.Request;
        var isApi = request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/hangfire");
        if (isApi || !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
