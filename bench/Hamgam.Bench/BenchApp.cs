using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Bench;

/// <summary>The whole Hamgam app on Kestrel (loopback, a free port), with its own data folder, an API key and quiet logs.</summary>
internal sealed class BenchApp(string? postgres, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string ApiKey = "hg_bench_key_for_the_api_scenario";

    public RequestTimings Timings { get; } = new();

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("hamgam-bench-app-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // An executable (not a test assembly) gets no content-root attribute from Mvc.Testing: point at the web project.
        builder.UseContentRoot(BenchOptions.RepoRoot() is { } root ? Path.Combine(root, "src", "Hamgam.Web") : AppContext.BaseDirectory);
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Auth:ApiKey", ApiKey);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RequestTimings.StartupFilter(Timings)));
        // Per-request information logs on the console would be measured along with the app.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (postgres is not null)
        {
            builder.UseSetting("Database:Provider", "postgres");
            builder.UseSetting("ConnectionStrings:Hamgam", postgres);
        }
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
            // Left for the OS to clean.
        }
    }
}
