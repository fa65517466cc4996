using System.Net;
using System.Net.Http.Headers;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.IntegrationTests.Features;

public sealed class AuthTests
{
    private static readonly HashSet<string> OpenRoutes = ["GET /healthz", "GET /signin", "POST /signin", "POST /signin/demo", "GET /culture/{id}"];

    // Stylesheets, scripts, fonts and the icon are public files (the sign-in page needs them); no data is served from these.
    private static readonly string[] PublicAssetPrefixes = ["/_content/", "/_framework/", "/css/", "/fonts/", "/hamgam.", "/favicon.", "/js/"];

    [Fact]
    public async Task EveryMappedEndpoint_WithoutCredentials_Answers401()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var routes = MappedRoutes(app).ToList();
        Assert.Contains(routes, r => r.Path.StartsWith("/api/tasks", StringComparison.Ordinal));

        var open = new List<string>();
        foreach (var (method, path, acceptsForm) in routes.Where(r => !PublicAssetPrefixes.Any(p => r.Path.StartsWith(p, StringComparison.Ordinal))))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PATCH" or "PUT")
            {
                request.Content = acceptsForm
                    ? new FormUrlEncodedContent(new Dictionary<string, string> { ["apiKey"] = "x" })
                    : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                open.Add($"{method} {Template(path)}");
            }
        }

        Assert.Equal(OpenRoutes.Order(), open.Order());
    }

    [Fact]
    public async Task Api_WithWrongKey_Answers401_WithRightKey_Answers200()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "hg_wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);

        using var authorized = app.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.OK, (await authorized.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await authorized.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_InABrowserWithoutSession_RedirectsToSignIn()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["apiKey"] = HamgamAppFactory.ApiKey });

        using var response = await client.PostAsync("/signin", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithTheKey_GivesASessionThatOpensTheApi()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"(?<n>[^\"]+)\" value=\"(?<v>[^\"]+)\"");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["n"].Value] = WebUtility.HtmlDecode(token.Groups["v"].Value),
            ["apiKey"] = HamgamAppFactory.ApiKey,
        });

        using var signIn = await client.PostAsync("/signin", form);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/habits")).StatusCode);
    }

    [Fact]
    public async Task GeneratedKey_IsCreatedOnce_StoredHashed_AndVerifies()
    {
        await using var app = new HamgamAppFactory();
        app.Settings["Auth:ApiKey"] = "";
        _ = app.Services;
        var vault = app.Services.GetRequiredService<ApiKeyVault>();

        // The host already generated a key at startup; a second initialization finds the stored hash.
        Assert.Null(await vault.InitializeAsync(CancellationToken.None));
        Assert.False(await vault.VerifyAsync(HamgamAppFactory.ApiKey, CancellationToken.None));
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Hamgam.Core.Data.HamgamDb>>();
        await using var db = await factory.CreateDbContextAsync();
        var stored = Assert.Single(db.AppSettings.Where(s => s.Key == ApiKeyVault.HashSetting));
        Assert.Equal(64, stored.Value.Length);
        Assert.DoesNotContain("hg_", stored.Value, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Method, string Path, bool AcceptsForm)> MappedRoutes(HamgamAppFactory app)
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            path = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]*}", Guid.NewGuid().ToString());
            var acceptsForm = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes
                .Any(t => t.Contains("form", StringComparison.Ordinal)) == true;
            foreach (var method in methods)
            {
                yield return (method, path, acceptsForm);
            }
        }
    }

    private static string Template(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
}
