using System.Net;
using Hamgam.Core.Data;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Testing;
using Hamgam.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.IntegrationTests.Security;

/// <summary>Issue 17 rows 1 and 10: sessions carry a stamp of the key and an epoch, and end when either changes.</summary>
public sealed class SessionTests
{
    [Theory, OnAllDatabases]
    public async Task OwnerSession_AfterEverySessionIsEnded_Answers401(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = App(db);
        using var client = Browserish.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.SignInAsync(client)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);

        await app.Services.GetRequiredService<ApiKeyVault>().EndSessionsAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);
        using var authorized = app.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.OK, (await authorized.GetAsync("/api/tasks")).StatusCode);
    }

    [Theory, OnAllDatabases]
    public async Task GeneratedKey_IsWrittenToAnOwnerOnlyFile_AndRotationEndsItAndItsSessions(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = App(db);
        app.Settings["Auth:ApiKey"] = "";
        var vault = app.Services.GetRequiredService<ApiKeyVault>();
        var first = (await File.ReadAllTextAsync(vault.KeyFile)).Trim();
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(vault.KeyFile));
        }

        using var client = Browserish.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.SignInAsync(client, first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);

        await vault.RotateAsync(CancellationToken.None);

        var second = (await File.ReadAllTextAsync(vault.KeyFile)).Trim();
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, first).GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(app, second).GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task OwnerSession_AfterTheConfiguredKeyChanges_Answers401_ButSurvivesARestartWithTheSameKey()
    {
        await using var first = new HamgamAppFactory();
        using var client = Browserish.Client(first);
        var cookie = SessionCookie(await Browserish.SignInAsync(client));

        // Same data folder (so the same data-protection keys), same key: the cookie still opens the API after a restart.
        await using (var sameKey = new HamgamAppFactory { DataDirectory = first.DataDirectory, OwnsDataDirectory = false })
        {
            Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync(sameKey, cookie));
        }

        await using var otherKey = new HamgamAppFactory { DataDirectory = first.DataDirectory, OwnsDataDirectory = false };
        otherKey.Settings["Auth:ApiKey"] = "hg_another_key_that_is_long_enough_000";
        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithCookieAsync(otherKey, cookie));
    }

    [Fact]
    public async Task DataProtectionKeys_LiveInTheDataFolder()
    {
        await using var app = new HamgamAppFactory();
        using var client = Browserish.Client(app);
        await Browserish.SignInAsync(client);

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "key-*.xml"));
    }

    internal static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(AuthSetup.SessionCookie + "=", StringComparison.Ordinal));

    private static async Task<HttpStatusCode> GetWithCookieAsync(HamgamAppFactory app, string cookie)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tasks");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpClient Bearer(HamgamAppFactory app, string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static HamgamAppFactory App(TestDatabase db)
    {
        var app = new HamgamAppFactory();
        app.Settings["Database:Provider"] = db.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        app.Settings["ConnectionStrings:Hamgam"] = db.ConnectionString;
        return app;
    }
}
