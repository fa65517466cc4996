using System.Net;
using System.Text.Json;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Coordination;
using Hamgam.Emulators.Notion;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Testing;
using Hamgam.Web.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hamgam.IntegrationTests.Jobs;

public sealed class JobsTests
{
    [Fact]
    public async Task Dashboard_WithoutCredentials_Answers401_WithTheKey_Opens()
    {
        await using var app = new HamgamAppFactory();
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var authorized = app.CreateAuthorizedClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire/recurring")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await authorized.GetAsync("/hangfire/recurring")).StatusCode);
    }

    [Fact]
    public async Task Status_ReportsTheNextScheduledRuns_InTheUsersZone()
    {
        await using var app = new HamgamAppFactory();
        using var client = app.CreateAuthorizedClient();

        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/sync/status"));

        var next = status.RootElement.GetProperty("nextRuns");
        var sync = next.GetProperty(JobSchedules.SyncId).GetDateTimeOffset();
        var backup = next.GetProperty(JobSchedules.BackupId).GetDateTimeOffset();
        var recurring = next.GetProperty(JobSchedules.RecurringId).GetDateTimeOffset();
        // Asia/Tehran is UTC+03:30: its hours start at half past in UTC, and its midnight is 20:30 UTC.
        Assert.Equal(0, sync.Minute % 5);
        Assert.Equal(30, backup.ToUniversalTime().Minute);
        Assert.Equal(new TimeSpan(20, 30, 0), recurring.ToUniversalTime().TimeOfDay);
    }

    [Fact]
    public async Task Start_WithABadCron_FailsNamingTheSetting()
    {
        await using var app = new HamgamAppFactory();
        app.Settings["Sync:PullCron"] = "every five minutes";

        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("Sync:PullCron", error.Message, StringComparison.Ordinal);
    }

    [Theory, OnAllDatabases]
    public async Task SyncNow_RunsTheScheduledJob_AndAnswersWithItsOutcome(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var notion = await NotionEmulator.StartAsync(new NotionEmulatorOptions { RateLimitEnabled = false });
        var databases = HamgamSampleSchemas.CreateDatabases(notion.Workspace);
        await using var app = CreateApp(db);
        app.Settings["Notion:BaseUrl"] = notion.BaseUrl.ToString();
        app.Settings["Notion:Token"] = notion.Options.Token;
        app.Settings["Notion:RequestsPerSecond"] = "200";
        app.Settings["Notion:Databases:Tasks"] = databases.Tasks.DatabaseId;
        using var client = app.CreateAuthorizedClient();

        using var response = await client.PostAsync("/api/sync/notion/sync", null);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("success").GetBoolean(), body.RootElement.ToString());
        var runId = body.RootElement.GetProperty("runId").GetInt64();
        await using var context = db.CreateContext();
        var run = await context.SyncLog.SingleAsync(r => r.Id == runId);
        Assert.Equal("manual", run.Trigger);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var succeeded = monitoring.SucceededJobs(0, 10);
        Assert.Contains(succeeded, j => j.Value.Job.Type == typeof(SyncJobs) && j.Value.Job.Method.Name == nameof(SyncJobs.SyncAsync));
    }

    [Theory, OnAllDatabases]
    public async Task JobStorage_IsTheAppsOwnDatabase(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = CreateApp(db);
        using var client = app.CreateAuthorizedClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sync/status")).StatusCode);

        await using var context = db.CreateContext();
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name IN ('Job', 'State', 'Hash', 'sync_log')"
            : "SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE (table_schema = 'hangfire' AND table_name IN ('job', 'state', 'hash')) OR table_name = 'sync_log'";
        Assert.Equal(4, await context.Database.SqlQueryRaw<int>(sql).SingleAsync());
    }

    [Fact]
    public async Task Job_WhileARunHoldsItsLockInAnotherProcess_IsSkipped_NotRunOrQueued()
    {
        if (TestEnvironment.PostgresOptedOut)
        {
            return;
        }

        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = CreateApp(db);
        using var client = app.CreateAuthorizedClient();
        // A second RunLocks has its own in-process semaphores: only PostgreSQL's advisory lock stands between them, as between processes.
        using var otherProcess = new RunLocks(app.Services.GetRequiredService<IOptions<DatabaseOptions>>());
        var jobs = app.Services.GetRequiredService<SyncJobs>();

        JobOutcome skipped;
        await using (var held = await otherProcess.TryAcquireAsync(RunLane.Recurring))
        {
            Assert.NotNull(held);
            skipped = await jobs.RecurringAsync("scheduled", CancellationToken.None);
        }

        var ran = await jobs.RecurringAsync("scheduled", CancellationToken.None);

        Assert.True(skipped.Skipped);
        Assert.False(ran.Skipped);
        await using var context = db.CreateContext();
        Assert.Equal(1, await context.SyncLog.CountAsync(r => r.Type == SyncRunType.Recurring));
    }

    private static HamgamAppFactory CreateApp(TestDatabase db)
    {
        var app = new HamgamAppFactory();
        app.Settings["Database:Provider"] = db.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        app.Settings["ConnectionStrings:Hamgam"] = db.ConnectionString;
        return app;
    }
}
