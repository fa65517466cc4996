using System.Net;

namespace Hamgam.Web.Infrastructure.Security;

/// <summary>The Notion token and the Google credentials travel only over https; plain http only to this machine (the emulators).</summary>
public static class SecureTransport
{
    public static bool IsAllowed(Uri url) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttps
            || (url.Scheme == Uri.UriSchemeHttp && (url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip)))));

    public static string Problem(string setting) =>
        $"{setting} must be an https URL (plain http only to localhost, for the emulators): the token would otherwise cross the network in clear.";
}
