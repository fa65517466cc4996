using System.Net;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Web.Infrastructure.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.IntegrationTests.Security;

/// <summary>Issue 17 rows 1 and 2: the demo's no-key door opens only for this machine, and demo sessions end with the demo.</summary>
public sealed class DemoAccessTests
{
    [Fact]
    public async Task DemoSignIn_FromThisMachine_GivesASession_ThatEndsWhenTheDemoIsOff()
    {
        await using var demo = DemoApp();
        using var client = Browserish.Client(demo, "127.0.0.1:5080");
        var signIn = await Browserish.SignInAsync(client, key: null);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
        var cookie = SessionTests.SessionCookie(signIn);

        // A Notion token was set: the same data folder (same signing keys) now serves a real workspace.
        await using var real = new HamgamAppFactory { DataDirectory = demo.DataDirectory, OwnsDataDirectory = false };
        real.Settings["Notion:Token"] = "secret_real_workspace";
        using var probe = real.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tasks");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await probe.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("rebind.attacker.example", null, null)]
    [InlineData("localhost", "X-Forwarded-For", "203.0.113.9")]
    [InlineData("localhost", "Forwarded", "for=203.0.113.9")]
    [InlineData("[::1]", "X-Forwarded-Host", "hamgam.example")]
    public async Task DemoSignIn_WithAForeignHostOrThroughAProxy_IsRefused(string host, string? header, string? value)
    {
        await using var demo = DemoApp();
        demo.Settings["AllowedHosts"] = "*";
        using var client = Browserish.Client(demo);
        var (name, token) = await Browserish.FormTokenAsync(client, "/signin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin/demo")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [name] = token }),
        };
        request.Headers.Host = host;
        if (header is not null)
        {
            request.Headers.Add(header, value);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("hamgam.session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignInPage_ForAForeignHost_DoesNotOfferTheDemo()
    {
        await using var demo = DemoApp();
        demo.Settings["AllowedHosts"] = "*";
        using var client = Browserish.Client(demo, "rebind.attacker.example");

        var page = await client.GetStringAsync("/signin");

        Assert.DoesNotContain("signin-demo", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignHost_WhileListeningOnLoopback_Answers400()
    {
        await using var app = new HamgamAppFactory();
        using var client = Browserish.Client(app, "rebind.attacker.example");

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/signin")).StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://192.168.1.10:5080", false)]
    [InlineData("http://localhost:5080;http://[::1]:5080", true)]
    [InlineData("http://127.0.0.1:5080", true)]
    public void DemoMode_ListeningBeyondLoopback_TurnsItselfOff(string urls, bool active)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls })
            .Build();

        Assert.Equal(active, DemoWorkspace.IsDemo(configuration));
    }

    private static HamgamAppFactory DemoApp()
    {
        var app = new HamgamAppFactory();
        app.Settings["Demo:Enabled"] = "true";
        return app;
    }
}
