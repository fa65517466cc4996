using System.Net;
using System.Text.RegularExpressions;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Hamgam.IntegrationTests.Security;

/// <summary>
/// Issue 17's security suite: walks every mapped endpoint and dashboard route as each kind of unwelcome visitor,
/// prints what each request got, and asserts the refusal (401, 403 or 400). A new anonymous route (e.g. a signed
/// webhook) must be added to <see cref="OpenRoutes"/> on purpose.
/// </summary>
public sealed partial class SecuritySuiteTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> OpenRoutes = ["GET /healthz", "GET /signin", "POST /signin", "POST /signin/demo", "GET /culture/{id}", "POST /webhooks/notion"];

    // Stylesheets, scripts, fonts and the icon are public files (the sign-in page needs them); no data is served from these.
    private static readonly string[] PublicAssetPrefixes = ["/_content/", "/_framework/", "/css/", "/fonts/", "/hamgam.", "/favicon.", "/js/"];

    private static readonly string[] BadReturnUrls = ["/\\evil.com", "//evil.com", "https://evil.com", "/\t/evil.com", "javascript:alert(1)", "%2F%2Fevil.com"];

    [Fact]
    public async Task OwnerApp_EveryRoute_RefusesAnonymousForeignHostForwardedStaleAndCookieOnlyUnsafeCalls()
    {
        await using var app = new HamgamAppFactory();
        var routes = Routes(app);
        var failures = new List<string>();

        using var anonymous = Browserish.Client(app);
        await WalkAsync("anonymous", anonymous, routes, r => OpenRoutes.Contains(r.Template) ? null : 401, failures);
        using var foreign = Browserish.Client(app, "rebind.attacker.example");
        await WalkAsync("foreign Host", foreign, routes, _ => 400, failures);
        using var forwarded = Browserish.Client(app);
        forwarded.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.1");
        forwarded.DefaultRequestHeaders.Add("X-Forwarded-Host", "localhost");
        forwarded.DefaultRequestHeaders.Add("Forwarded", "for=127.0.0.1;host=localhost");
        await WalkAsync("forwarded headers", forwarded, routes, r => OpenRoutes.Contains(r.Template) ? null : 401, failures);

        using var owner = Browserish.Client(app);
        await Browserish.SignInAsync(owner);
        await WalkAsync("cookie-only unsafe API", owner, [.. routes.Where(r => r.Template.Contains(" /api/", StringComparison.Ordinal) && r.Method != "GET")], _ => 403, failures);
        await app.Services.GetRequiredService<ApiKeyVault>().EndSessionsAsync(CancellationToken.None);
        await WalkAsync("stale session (sessions ended)", owner, routes, r => OpenRoutes.Contains(r.Template) ? null : 401, failures);

        await BadReturnUrlsAsync(app, key: HamgamAppFactory.ApiKey, failures);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task DemoApp_EveryRoute_RefusesStaleDemoSessions_AndTheDemoDoorRefusesProxiesAndForeignHosts()
    {
        await using var demo = new HamgamAppFactory();
        demo.Settings["Demo:Enabled"] = "true";
        var failures = new List<string>();
        using var visitor = Browserish.Client(demo);
        var signIn = await Browserish.SignInAsync(visitor, key: null);
        Record("demo session", "POST /signin/demo", signIn.StatusCode, 302, failures);
        var cookie = SessionTests.SessionCookie(signIn);
        await DemoDoorAsync(demo, failures);
        await BadReturnUrlsAsync(demo, key: null, failures);

        await using var real = new HamgamAppFactory { DataDirectory = demo.DataDirectory, OwnsDataDirectory = false };
        real.Settings["Notion:Token"] = "secret_real_workspace";
        using var stale = real.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        stale.DefaultRequestHeaders.Add("Cookie", cookie);
        await WalkAsync("demo session, demo now off", stale, Routes(real), r => OpenRoutes.Contains(r.Template) ? null : 401, failures);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task DemoDoorAsync(HamgamAppFactory demo, List<string> failures)
    {
        (string Header, string Value)[] proxies = [("X-Forwarded-For", "203.0.113.9"), ("Forwarded", "for=203.0.113.9"), ("X-Forwarded-Host", "localhost"), ("X-Real-IP", "203.0.113.9")];
        foreach (var (header, value) in proxies)
        {
            using var client = Browserish.Client(demo);
            var (name, token) = await Browserish.FormTokenAsync(client, "/signin");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/signin/demo") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { [name] = token }) };
            request.Headers.Add(header, value);
            Record($"demo door, {header}", "POST /signin/demo", (await client.SendAsync(request)).StatusCode, 403, failures);
        }

        using var foreign = Browserish.Client(demo, "rebind.attacker.example");
        Record("demo door, foreign Host", "POST /signin/demo", (await foreign.PostAsync("/signin/demo", null)).StatusCode, 400, failures);
    }

    private async Task BadReturnUrlsAsync(HamgamAppFactory app, string? key, List<string> failures)
    {
        foreach (var url in BadReturnUrls)
        {
            using var client = Browserish.Client(app);
            using var page = await client.GetAsync("/signin?returnUrl=" + Uri.EscapeDataString(url));
            Record($"bad returnUrl {url}", "GET /signin", page.StatusCode, 200, failures);
            using var response = await Browserish.SignInAsync(client, key, url);
            var location = response.Headers.Location?.OriginalString;
            output.WriteLine($"{"bad returnUrl " + url,-40} {(key is null ? "POST /signin/demo" : "POST /signin"),-45} {(int)response.StatusCode} → {location}");
            if (location != "/")
            {
                failures.Add($"bad returnUrl {url}: went to {location ?? "(nowhere)"} ({(int)response.StatusCode})");
            }
        }
    }

    private async Task WalkAsync(string who, HttpClient client, List<Route> routes, Func<Route, int?> expected, List<string> failures)
    {
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
            if (route.Method is "POST" or "PATCH" or "PUT")
            {
                request.Content = route.AcceptsForm
                    ? new FormUrlEncodedContent(new Dictionary<string, string> { ["apiKey"] = "x" })
                    : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            Record(who, route.Template, response.StatusCode, expected(route), failures);
        }
    }

    private void Record(string who, string route, HttpStatusCode got, int? expected, List<string> failures)
    {
        output.WriteLine($"{who,-40} {route,-45} {(int)got}{(expected is { } e ? $" (expected {e})" : "")}");
        if (expected is { } want && (int)got != want)
        {
            failures.Add($"{who}: {route} answered {(int)got}, expected {want}");
        }
    }

    private static List<Route> Routes(HamgamAppFactory app)
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var routes = new List<Route>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var raw = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (PublicAssetPrefixes.Any(p => raw.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            var path = Parameter().Replace(raw, m => m.Value.Contains(":long", StringComparison.Ordinal) || m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : Guid.NewGuid().ToString());
            var acceptsForm = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes
                .Any(t => t.Contains("form", StringComparison.Ordinal)) == true;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add(new Route(method, path, $"{method} {Parameter().Replace(raw, "{id}")}", acceptsForm));
            }
        }

        Assert.Contains(routes, r => r.Template == "GET /api/tasks/");
        return routes;
    }

    [GeneratedRegex("{[^}]*}")]
    private static partial Regex Parameter();

    private sealed record Route(string Method, string Path, string Template, bool AcceptsForm);
}
