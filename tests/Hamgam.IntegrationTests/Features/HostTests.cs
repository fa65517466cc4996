using System.Net;
using Hamgam.Core.Data;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Testing;
using Hamgam.Web.Cli;
using Hamgam.Web.Infrastructure;

namespace Hamgam.IntegrationTests.Features;

public sealed class HostTests
{
    [Fact]
    public async Task Healthz_OnFirstStart_AnswersHealthyAndCreatesTheSqliteFile()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "hamgam.db")));
    }

    [Fact]
    public async Task Home_IsPersianAndRightToLeft()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("همگام", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultUrl_IsLoopbackOnPort5080()
    {
        Assert.Equal("http://127.0.0.1:5080", HamgamHosting.DefaultUrl);
    }

    [Fact]
    public async Task Startup_PostgresWithPendingMigrations_RefusesUntilMigrateVerbRuns()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false);
        await using (var app = new HamgamAppFactory())
        {
            app.Settings["Database:Provider"] = "postgres";
            app.Settings["ConnectionStrings:Hamgam"] = database.ConnectionString;
            var error = Assert.Throws<MigrationsPendingException>(() => app.CreateClient());
            Assert.Contains("migrate", error.Message, StringComparison.Ordinal);
        }

        var exit = await HamgamCli.RunAsync(
            ["migrate", "--Database:Provider=postgres", $"--ConnectionStrings:Hamgam={database.ConnectionString}"]);
        Assert.Equal(0, exit);

        await using (var app = new HamgamAppFactory())
        {
            app.Settings["Database:Provider"] = "postgres";
            app.Settings["ConnectionStrings:Hamgam"] = database.ConnectionString;
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }
    }

    [Fact]
    public async Task Startup_UnknownProvider_FailsWithAClearMessage()
    {
        await using var app = new HamgamAppFactory();
        app.Settings["Database:Provider"] = "mysql";
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Database:Provider", error.ToString(), StringComparison.Ordinal);
    }
}
