using System.Security.Claims;
using Hamgam.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>
/// A dashboard session says how it was entered (the key, or the demo's no-key button) and carries the key state's
/// stamp. It stays valid only while the stamp matches (same key, no "end every session" since) and, for a demo
/// session, while demo mode is on.
/// </summary>
public static class Sessions
{
    public const string StampClaim = "hamgam:stamp";
    public const string ModeClaim = "hamgam:mode";
    public const string OwnerMode = "owner";
    public const string DemoMode = "demo";

    public static async Task SignInAsync(HttpContext context, string mode)
    {
        var state = await context.RequestServices.GetRequiredService<ApiKeyVault>().CurrentAsync(context.RequestAborted);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, mode), new Claim(ModeClaim, mode), new Claim(StampClaim, state.SessionStamp)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>True when a cookie session may still be used.</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        var mode = user.FindFirst(ModeClaim)?.Value;
        if (mode is not (OwnerMode or DemoMode) || user.FindFirst(StampClaim)?.Value is not { } stamp)
        {
            return false;
        }

        if (mode == DemoMode && services.GetService<DemoWorkspace>() is not { IsActive: true })
        {
            return false;
        }

        var state = await services.GetRequiredService<ApiKeyVault>().CurrentAsync(cancellationToken);
        return string.Equals(stamp, state.SessionStamp, StringComparison.Ordinal);
    }

    /// <summary>Checked on every request that brings the session cookie.</summary>
    internal static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null || !await IsCurrentAsync(context.Principal, context.HttpContext.RequestServices, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
