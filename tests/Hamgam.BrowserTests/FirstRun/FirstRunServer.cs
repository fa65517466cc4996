using Hamgam.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.BrowserTests.FirstRun;

/// <summary>Hamgam as a newcomer starts it: no Notion token, no API key, an empty data folder, so it runs its demo.</summary>
public sealed class FirstRunServer : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("hamgam-firstrun-").FullName;

    public string BaseUrl { get; private set; } = "";

    public DemoEndpoints Demo => Services.GetRequiredService<DemoWorkspace>().Endpoints;

    public static FirstRunServer Start()
    {
        var server = new FirstRunServer();
        server.UseKestrel();
        server.StartServer();
        server.BaseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a test must not fail on cleanup.
        }
    }
}
