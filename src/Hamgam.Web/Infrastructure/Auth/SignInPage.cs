using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>The sign-in form in the remembered language (Persian by default), protected by an antiforgery token.</summary>
internal static class SignInPage
{
    public static RazorComponentResult<Components.Account.SignInPage> Render(HttpContext context, AntiforgeryTokenSet tokens, bool failed, string? returnUrl)
    {
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? "fa-IR";
        return new RazorComponentResult<Components.Account.SignInPage>(new
        {
            Tokens = tokens,
            Failed = failed,
            Persian = culture.StartsWith("fa", StringComparison.OrdinalIgnoreCase),
            ReturnUrl = returnUrl,
            Demo = Demo.DemoSetup.CanEnterWithoutKey(context),
        });
    }
}
