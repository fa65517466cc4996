namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>Where to go after signing in: only a path on this site; anything else (<c>//x</c>, <c>/\x</c>, a scheme) is <c>/</c>.</summary>
public static class ReturnUrls
{
    public static string Safe(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\')
            ? url
            : "/";
}
