using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.IntegrationTests.Infrastructure;

/// <summary>
/// The whole Hamgam app in-process, with its own data folder. Extra configuration goes in through
/// <see cref="Settings"/> before the first request (e.g. <c>Database:Provider</c>).
/// </summary>
public sealed class HamgamAppFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "hg_test_key_for_integration_tests";

    public string DataDirectory { get; init; } = Directory.CreateTempSubdirectory("hamgam-app-").FullName;

    /// <summary>The TCP peer every request appears to come from (the in-memory server has none): this machine by default.</summary>
    public IPAddress? RemoteIp { get; set; } = IPAddress.Loopback;

    /// <summary>False when another factory owns <see cref="DataDirectory"/> and deletes it.</summary>
    public bool OwnsDataDirectory { get; init; } = true;

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Auth:ApiKey", ApiKey);
        builder.UseSetting("Demo:Enabled", "false");
        // Live sync runs only in the tests about it: the others decide when a push or pull happens.
        builder.UseSetting("Live:PushOnSave", "false");
        builder.UseSetting("Live:ActivePollInterval", "00:00:00");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RemotePeer(() => RemoteIp)));
    }

    /// <summary>A client that sends the API key, as a script or integration would.</summary>
    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!OwnsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a test must not fail on cleanup.
        }
    }

    private sealed class RemotePeer(Func<IPAddress?> address) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address();
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
