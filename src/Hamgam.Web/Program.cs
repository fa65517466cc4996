using Hamgam.Core.Data;
using Hamgam.Web.Cli;
using Hamgam.Web.Features.Dashboard;
using Hamgam.Web.Infrastructure;

if (HamgamCli.IsVerb(args))
{
    return await HamgamCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddHamgamConfiguration();
builder.Services.AddHamgamCore();
builder.Services.AddHamgamDatabase();
builder.Services.AddHamgamHealth();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapHamgamHealth();
app.MapDashboardPlaceholder();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test harness.</summary>
public partial class Program;
