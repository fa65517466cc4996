using System.Net;
using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Settings;
using Hamgam.Emulators.Notion;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Testing;
using Hamgam.Web.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.IntegrationTests.Features.Settings;

public sealed class SettingsTests
{
    [Theory, OnAllDatabases]
    public async Task SavedSchedule_IsAppliedToTheJobsAtOnce_AndSurvivesANewAppOnTheSameDatabase(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var first = CreateApp(db))
        {
            using var client = first.CreateAuthorizedClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sync/status")).StatusCode);
            var schedules = first.Services.GetRequiredService<JobSchedules>();

            var check = await schedules.SaveAsync(JobSchedules.SyncId, "*/20 * * * *");
            await schedules.SaveAsync(JobSchedules.BackupId, "off");

            Assert.True(check.Ok);
            var jobs = RecurringJobs(first);
            Assert.Equal("*/20 * * * *", jobs[JobSchedules.SyncId].Cron);
            Assert.False(jobs.ContainsKey(JobSchedules.BackupId));
        }

        await using var second = CreateApp(db);
        using var again = second.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/sync/status")).StatusCode);

        var restarted = RecurringJobs(second);
        Assert.Equal("*/20 * * * *", restarted[JobSchedules.SyncId].Cron);
        Assert.False(restarted.ContainsKey(JobSchedules.BackupId));
        Assert.Equal("0 0 * * *", restarted[JobSchedules.RecurringId].Cron);
    }

    [Fact]
    public async Task SavedSchedule_Invalid_IsNotSaved_AndResetReturnsToConfiguration()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = CreateApp(db);
        app.Settings["Sync:RecurringCron"] = "30 4 * * *";
        using var client = app.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sync/status")).StatusCode);
        var schedules = app.Services.GetRequiredService<JobSchedules>();

        var bad = await schedules.SaveAsync(JobSchedules.RecurringId, "61 * * * *");
        await schedules.SaveAsync(JobSchedules.RecurringId, "0 6 * * *");
        await schedules.SaveAsync(JobSchedules.RecurringId, null);

        Assert.False(bad.Ok);
        Assert.Contains("not a valid cron expression", bad.English, StringComparison.Ordinal);
        Assert.Equal("30 4 * * *", RecurringJobs(app)[JobSchedules.RecurringId].Cron);
        Assert.Empty(await app.Services.GetRequiredService<SettingsStore>().GetSchedulesAsync());
    }

    [Theory, OnAllDatabases]
    public async Task SavedMapping_IsUsedByTheNextPull_OfAPropertyRenamedInNotion(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var notion = await NotionEmulator.StartAsync(new NotionEmulatorOptions { RateLimitEnabled = false });
        var databases = HamgamSampleSchemas.CreateDatabases(notion.Workspace);
        notion.Workspace.UpdateDataSource(databases.Tasks.DataSourceId, new JsonObject
        {
            ["properties"] = new JsonObject { ["Notes"] = new JsonObject { ["name"] = "توضیحات" } },
        });
        notion.Workspace.CreatePage(databases.Tasks.DataSourceId, new JsonObject
        {
            ["Name"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "کار" } }) },
            ["توضیحات"] = new JsonObject { ["rich_text"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "از Notion" } }) },
        });
        await using var app = CreateApp(db);
        app.Settings["Notion:BaseUrl"] = notion.BaseUrl.ToString();
        app.Settings["Notion:Token"] = notion.Options.Token;
        app.Settings["Notion:RequestsPerSecond"] = "200";
        app.Settings["Notion:Databases:Tasks"] = databases.Tasks.DatabaseId;
        using var client = app.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/sync/notion/sync", null)).StatusCode);

        var check = await app.Services.GetRequiredService<MappingChecker>().CheckAsync(EntityKind.Task, new Dictionary<string, string> { ["notes"] = "توضیحات" });
        await app.Services.GetRequiredService<SavedPropertyNames>().SaveAsync(EntityKind.Task, new Dictionary<string, string?> { ["notes"] = "توضیحات" });
        using var response = await client.PostAsync("/api/sync/notion/sync", null);

        Assert.Equal(MappingStatus.Ok, check.For("notes")!.Status);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var context = db.CreateContext();
        Assert.Equal("از Notion", (await context.Tasks.SingleAsync()).Notes);
    }

    [Fact]
    public async Task MappingCheck_ReportsAMissingPropertyAndAWrongType_FromTheLiveSchema()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var notion = await NotionEmulator.StartAsync(new NotionEmulatorOptions { RateLimitEnabled = false });
        var databases = HamgamSampleSchemas.CreateDatabases(notion.Workspace);
        await using var app = CreateApp(db);
        app.Settings["Notion:BaseUrl"] = notion.BaseUrl.ToString();
        app.Settings["Notion:Token"] = notion.Options.Token;
        app.Settings["Notion:Databases:Tasks"] = databases.Tasks.DatabaseId;
        using var client = app.CreateAuthorizedClient();

        var check = await app.Services.GetRequiredService<MappingChecker>().CheckAsync(EntityKind.Task,
            new Dictionary<string, string> { ["notes"] = "Nowhere", ["dueDate"] = "Status" });

        Assert.True(check.Reached);
        Assert.Equal(MappingStatus.Missing, check.For("notes")!.Status);
        Assert.Equal(MappingStatus.WrongType, check.For("dueDate")!.Status);
        Assert.Equal(MappingStatus.Duplicate, check.For("status")!.Status);
        Assert.Equal(MappingStatus.Ok, check.For("importance")!.Status);
        Assert.Contains("Notes", check.Properties);
    }

    [Fact]
    public async Task SettingsPage_WithoutCredentials_IsNotServed()
    {
        await using var app = new HamgamAppFactory();
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/settings");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static Dictionary<string, RecurringJobDto> RecurringJobs(HamgamAppFactory app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }

    private static HamgamAppFactory CreateApp(TestDatabase db)
    {
        var app = new HamgamAppFactory();
        app.Settings["Database:Provider"] = db.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        app.Settings["ConnectionStrings:Hamgam"] = db.ConnectionString;
        return app;
    }
}
