using Hamgam.Core.Data;
using Hamgam.Web.Cli;
using Hamgam.Web.Features.DailyLogs;
using Hamgam.Web.Features.Dashboard;
using Hamgam.Web.Features.Habits;
using Hamgam.Web.Features.Projects;
using Hamgam.Web.Features.Settings;
using Hamgam.Web.Features.Sync;
using Hamgam.Web.Features.Tasks;
using Hamgam.Web.Infrastructure;
using Hamgam.Web.Infrastructure.Auth;
using Hamgam.Web.Infrastructure.Demo;
using Hamgam.Web.Infrastructure.Jobs;
using Hamgam.Web.Infrastructure.Localization;

if (HamgamCli.IsVerb(args))
{
    return await HamgamCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(HamgamHosting.WebOptions(args));
builder.AddHamgamConfiguration();
builder.AddJournalLogging();
builder.Services.AddHamgamCore();
builder.Services.AddHamgamDatabase();
builder.Services.AddHamgamSync();
builder.Services.AddHamgamJobs();
builder.Services.AddHamgamApi();
builder.Services.AddHamgamAuth();
builder.Services.AddHamgamHealth();
builder.Services.AddDashboard();
builder.Services.AddHamgamDemo();
builder.Services.AddConnectionChecks();

var app = builder.Build();
await app.PrepareDatabaseAsync();
await app.InitializeApiKeyAsync();
app.UseHamgamErrors();
app.UseDashboardCulture();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHamgamHealth();
app.MapSignIn();
app.MapDemoSignIn();
app.MapOpenApi();
app.MapTasks();
app.MapProjects();
app.MapHabits();
app.MapDailyLogs();
app.MapSync();
app.MapJobsDashboard();
app.MapDashboard();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test harness.</summary>
public partial class Program;
