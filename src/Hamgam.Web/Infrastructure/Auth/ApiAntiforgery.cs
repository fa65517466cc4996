using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>
/// A browser sends the session cookie with any request a page on another site (or another port of this machine)
/// makes it send. So the API lets the cookie alone do only safe methods; a POST, PATCH, PUT or DELETE with the cookie
/// must also bring the antiforgery token in the <c>RequestVerificationToken</c> header. The bearer key is unaffected.
/// </summary>
public static class ApiAntiforgery
{
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var cookieOnly = context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };
        if (cookieOnly && IsUnsafe(request.Method) && IsApi(request.Path)
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = 403,
                Title = "Antiforgery token missing",
                Detail = "With the session cookie, unsafe API calls need the RequestVerificationToken header; scripts should send 'Authorization: Bearer <key>'.",
            }, context.RequestAborted);
            return;
        }

        await next(context);
    });

    private static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");
}
