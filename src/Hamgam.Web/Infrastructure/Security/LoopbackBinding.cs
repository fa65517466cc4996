using System.Net;

namespace Hamgam.Web.Infrastructure.Security;

/// <summary>Whether Hamgam listens on this machine only (the default, <see cref="HamgamHosting.DefaultUrl"/>).</summary>
public static class LoopbackBinding
{
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>True when every address Hamgam is told to listen on is a loopback one.</summary>
    public static bool IsLoopbackOnly(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["http_ports"]) || !string.IsNullOrWhiteSpace(configuration["https_ports"]))
        {
            return false;
        }

        var urls = (configuration["urls"] ?? HamgamHosting.DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? ""))
            .ToList();
        return urls.Count > 0 && urls.All(IsLoopbackUrl);
    }

    /// <summary>The request's Host names this machine (any port).</summary>
    public static bool IsLoopbackHost(HostString host) =>
        host.HasValue && LoopbackHosts.Contains(host.Host, StringComparer.OrdinalIgnoreCase);

    private static bool IsLoopbackUrl(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start < 0 ? url : url[(start + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':', '/')[0];
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
