using Hamgam.Core.Data;
using Hamgam.Web.Cli;
using Hamgam.Web.Features.DailyLogs;
using Hamgam.Web.Features.Dashboard;
using Hamgam.Web.Features.Habits;
using Hamgam.Web.Features.Projects;
using Hamgam.Web.Features.Settings;
using Hamgam.Web.Features.Sync;
using Hamgam.Web.Features.Tasks;
using Hamgam.Web.Features.Webhooks;
using Hamgam.Web.Infrastructure;
using Hamgam.Web.Infrastructure.Auth;
using Hamgam.Web.Infrastructure.Demo;
using Hamgam.Web.Infrastructure.Jobs;
using Hamgam.Web.Infrastructure.Live;
using Hamgam.Web.Infrastructure.Localization;
using Hamgam.Web.Infrastructure.Security;

if (HamgamCli.IsVerb(args))
{
    return await HamgamCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(HamgamHosting.WebOptions(args));
builder.AddHamgamConfiguration();
builder.AddHamgamSecurity();
builder.AddJournalLogging();
builder.Services.AddHamgamCore();
builder.Services.AddHamgamDatabase();
builder.Services.AddHamgamSync();
builder.Services.AddHamgamJobs();
builder.Services.AddHamgamLive();
builder.Services.AddHamgamApi();
builder.Services.AddHamgamAuth();
builder.Services.AddHamgamHealth();
builder.Services.AddDashboard();
builder.Services.AddHamgamDemo();
builder.Services.AddConnectionChecks();
builder.Services.AddNotionWebhooks();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.Services.LogListenerFailures();
await app.InitializeApiKeyAsync();
app.RestrictDataFolder();
app.UseHamgamSecurity();
app.UseHamgamErrors();
app.UseDashboardCulture();
app.UseHamgamAuth();
app.UseUsageTracking();

app.MapHamgamHealth();
app.MapSignIn();
app.MapDemoSignIn();
app.MapOpenApi();
app.MapTasks();
app.MapProjects();
app.MapHabits();
app.MapDailyLogs();
app.MapSync();
app.MapNotionWebhooks();
app.MapJobsDashboard();
app.MapDashboard();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test harness.</summary>
public partial class Program;
