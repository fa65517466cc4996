using Hangfire.Dashboard;

namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>The job dashboard is for signed-in users only (the app's cookie or API key), like every other page.</summary>
public sealed class DashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.Identity?.IsAuthenticated == true;
}
