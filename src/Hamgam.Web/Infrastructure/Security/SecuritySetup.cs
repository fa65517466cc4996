using System.Net;
using Hamgam.Core.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Security;

/// <summary>
/// Defences around every request: loopback host names only while Hamgam listens on loopback (DNS rebinding),
/// forwarded headers only from configured proxies, <c>Secure</c> cookies whenever Hamgam can be reached from
/// elsewhere, HSTS on https, the security headers, no <c>Server</c> header, data-protection keys in the data folder.
/// </summary>
public static class SecuritySetup
{
    public const string ApplicationName = "Hamgam";

    public static WebApplicationBuilder AddHamgamSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var loopback = LoopbackBinding.IsLoopbackOnly(configuration);
        var proxies = KnownProxies(configuration);
        if (loopback && string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = [.. LoopbackBinding.LoopbackHosts]);
        }

        // On loopback the browser talks to Hamgam directly over http; anywhere else the cookie must never leave TLS.
        var secure = loopback && proxies.Count == 0 ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.Cookie.SecurePolicy = secure);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DatabaseOptions>, ILoggerFactory>((o, database, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysFolder(database.Value)), logs));
        return builder;
    }

    /// <summary>Where the data-protection keys (which sign cookies and antiforgery tokens) live.</summary>
    public static string KeysFolder(DatabaseOptions database) => Path.Combine(database.ResolveDataDirectory(), "keys");

    public static WebApplication UseHamgamSecurity(this WebApplication app)
    {
        if (KnownProxies(app.Configuration).Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        return app;
    }

    /// <summary>Makes the data folder and the keys folder owner-only (see <see cref="DataFolder"/>).</summary>
    public static void RestrictDataFolder(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        Directory.CreateDirectory(KeysFolder(database));
        DataFolder.Restrict(database.ResolveDataDirectory());
    }

    private static List<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection("Proxy:KnownProxies");
        var values = section.Value is { } single ? single.Split(';', ',') : section.GetChildren().Select(c => c.Value ?? "");
        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Select(v => IPAddress.TryParse(v, out var ip)
            ? ip
            : throw new InvalidOperationException($"Proxy:KnownProxies has '{v}', which is not an IP address."))];
    }
}
