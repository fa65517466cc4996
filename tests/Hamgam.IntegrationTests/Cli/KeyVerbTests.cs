using System.Diagnostics;
using System.Net;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.IntegrationTests.Security;
using Hamgam.Web.Cli;
using Hamgam.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.IntegrationTests.Cli;

/// <summary>Issue 17 row 10: <c>hamgam key</c> rotates the generated key into its 0600 file, and a running Hamgam follows.</summary>
[Collection(CliCollection.Name)]
public sealed class KeyVerbTests
{
    [Fact]
    public async Task Key_RotatesTheKey_NeverPrintsIt_AndEndsTheRunningAppsSessions()
    {
        await using var app = new HamgamAppFactory();
        app.Settings["Auth:ApiKey"] = "";
        var keyFile = app.Services.GetRequiredService<ApiKeyVault>().KeyFile;
        var oldKey = (await File.ReadAllTextAsync(keyFile)).Trim();
        using var browser = Browserish.Client(app);
        await Browserish.SignInAsync(browser, oldKey);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/tasks")).StatusCode);

        var (exit, output) = await CliHarness.RunCliAsync(["key", $"--Database:DataDirectory={app.DataDirectory}", "--Auth:ApiKey="]);

        Assert.Equal(HamgamCli.Ok, exit);
        var newKey = (await File.ReadAllTextAsync(keyFile)).Trim();
        Assert.NotEqual(oldKey, newKey);
        Assert.Contains(keyFile, output, StringComparison.Ordinal);
        Assert.DoesNotContain(newKey, output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await EventuallyAsync(() => browser.GetAsync("/api/tasks"), HttpStatusCode.Unauthorized));
        using var bearer = app.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", newKey);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/tasks")).StatusCode);
    }

    /// <summary>The running app re-reads the key state every couple of seconds: wait (bounded) for it to notice.</summary>
    private static async Task<HttpStatusCode> EventuallyAsync(Func<Task<HttpResponseMessage>> probe, HttpStatusCode wanted)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await probe();
            if (response.StatusCode == wanted || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                return response.StatusCode;
            }

            await Task.Delay(100);
        }
    }
}
