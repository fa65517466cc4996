using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Hamgam.IntegrationTests.Security;

/// <summary>Issue 17 rows 3–7, 11–13: the defences around every request.</summary>
public sealed class DefenceTests
{
    [Fact]
    public async Task WrongBearerKeys_AfterTheAllowance_Answer429WithRetryAfter_EvenForTheRightKey()
    {
        await using var app = new HamgamAppFactory();
        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "hg_wrong_key_wrong_key_wrong_key_00");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Web.Infrastructure.Auth.KeyAttempts.Allowed + 2; i++)
        {
            statuses.Add((await wrong.GetAsync("/api/tasks")).StatusCode);
        }

        Assert.All(statuses.Take(Web.Infrastructure.Auth.KeyAttempts.Allowed), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(Web.Infrastructure.Auth.KeyAttempts.Allowed), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        using var right = app.CreateAuthorizedClient();
        using var blocked = await right.GetAsync("/api/tasks");
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.NotNull(blocked.Headers.RetryAfter);

        app.RemoteIp = IPAddress.Parse("127.0.0.2");
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task WrongKeysOnTheSignInForm_AfterTheAllowance_Answer429()
    {
        await using var app = new HamgamAppFactory();
        using var client = Browserish.Client(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Web.Infrastructure.Auth.KeyAttempts.Allowed + 1; i++)
        {
            statuses.Add((await Browserish.SignInAsync(client, "hg_wrong_key_wrong_key_wrong_key_00")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public void ConfiguredKey_ShorterThan32Characters_StopsStartup_SayingWhy()
    {
        using var app = new HamgamAppFactory();
        app.Settings["Auth:ApiKey"] = "short-key-31-characters-long-xx";

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("at least 32", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.notion.com/", true)]
    [InlineData("http://127.0.0.1:5081/", true)]
    [InlineData("http://localhost:5081/", true)]
    [InlineData("http://api.notion.com/", false)]
    [InlineData("http://10.0.0.5/", false)]
    public void BaseUrl_PlainHttp_IsRefusedBeyondLoopback(string url, bool allowed) =>
        Assert.Equal(allowed, SecureTransport.IsAllowed(new Uri(url)));

    [Theory]
    [InlineData("Notion:BaseUrl")]
    [InlineData("Sheets:BaseUrl")]
    public void Startup_WithAPlainHttpApiUrl_Fails(string setting)
    {
        using var app = new HamgamAppFactory();
        app.Settings[setting] = "http://api.example.com/";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(setting + " must be an https URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateClient();

        foreach (var path in new[] { "/signin", "/healthz", "/api/tasks" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Server"));
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", null, false)]
    [InlineData("http://0.0.0.0:5080", null, true)]
    [InlineData("http://127.0.0.1:5080", "127.0.0.1", true)]
    public async Task SessionCookie_IsSecure_WheneverHamgamIsReachableFromElsewhere(string urls, string? proxy, bool secure)
    {
        await using var app = new HamgamAppFactory();
        app.Settings["urls"] = urls;
        app.Settings["AllowedHosts"] = "*";
        if (proxy is not null)
        {
            app.Settings["Proxy:KnownProxies"] = proxy;
        }

        // Beyond loopback the browser reaches Hamgam over https (directly or through the proxy).
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(secure ? "https://localhost" : "http://localhost") });
        var cookie = (await Browserish.SignInAsync(client)).Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hamgam.session", StringComparison.Ordinal));

        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Https_GetsHsts_ThroughAKnownProxy()
    {
        await using var app = new HamgamAppFactory();
        app.Settings["AllowedHosts"] = "hamgam.example";
        app.Settings["Proxy:KnownProxies"] = "127.0.0.1";
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://hamgam.example") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.SendAsync(request);

        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_UnsafeCallWithTheCookieAlone_Is403_WithThePageTokenOrTheKey_Works()
    {
        await using var app = new HamgamAppFactory();
        using var client = Browserish.Client(app);
        await Browserish.SignInAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/tasks", Json())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/sync/failed/1/retry", null)).StatusCode);

        var (_, token) = await Browserish.FormTokenAsync(client, "/");
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = Json() };
        withToken.Headers.Add(Browserish.TokenHeader, token);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(withToken)).StatusCode);
        using var bearer = app.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.Created, (await bearer.PostAsync("/api/tasks", Json())).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutItsToken_Is400_AndTheSessionStays()
    {
        await using var app = new HamgamAppFactory();
        using var client = Browserish.Client(app);
        await Browserish.SignInAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/signout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);

        var (name, token) = await Browserish.FormTokenAsync(client, "/");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { [name] = token });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/signout", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Theory]
    [InlineData("/\\evil.com")]
    [InlineData("//evil.com")]
    [InlineData("https://evil.com/")]
    [InlineData("/\t/evil.com")]
    public async Task SignIn_WithAnUnsafeReturnUrl_GoesHome(string returnUrl)
    {
        await using var app = new HamgamAppFactory();
        using var client = Browserish.Client(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl))).StatusCode);

        using var response = await Browserish.SignInAsync(client, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task List_WithAPageWhoseOffsetOverflows_Is400NamingPage()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();

        using var response = await client.GetAsync("/api/tasks?page=2147483647&pageSize=50");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("page", out _), body.RootElement.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks?page=2147483647&pageSize=1")).StatusCode);
    }

    [Fact]
    public void DotnetRun_IsProductionByDefault()
    {
        var settings = Path.Combine(RepoRoot(), "src", "Hamgam.Web", "Properties", "launchSettings.json");
        using var document = JsonDocument.Parse(File.ReadAllText(settings));

        var first = document.RootElement.GetProperty("profiles").EnumerateObject().First();

        Assert.Equal("Production", first.Value.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    private static StringContent Json() => new("""{"name":"امنیت"}""", Encoding.UTF8, "application/json");

    private static string RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Hamgam.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Hamgam.slnx not found above the test's folder.");
    }
}
