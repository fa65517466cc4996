using System.Net;
using Hamgam.Core.Backup;
using Hamgam.Core.Sync;
using Hamgam.Web.Infrastructure.Auth;
using Hamgam.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace Hamgam.Web.Infrastructure.Demo;

/// <summary>
/// Wires demo mode (see <see cref="DemoWorkspace"/>) into the web host: the Notion and Sheets options point at the
/// emulators, a first sync runs before the dashboard serves, and a loopback visitor may enter the demo without the key.
/// </summary>
public static class DemoSetup
{
    public static IServiceCollection AddHamgamDemo(this IServiceCollection services)
    {
        services.AddSingleton<DemoWorkspace>();
        services.AddOptions<NotionSyncOptions>().PostConfigure<DemoWorkspace>((options, demo) =>
        {
            if (!demo.IsActive)
            {
                return;
            }

            var running = demo.Endpoints;
            options.Token = running.Notion.Options.Token;
            options.BaseUrl = running.Notion.BaseUrl;
            options.Databases.Tasks = running.Databases.Tasks.DatabaseId;
            options.Databases.Projects = running.Databases.Projects.DatabaseId;
            options.Databases.Habits = running.Databases.Habits.DatabaseId;
            options.Databases.DailyLogs = running.Databases.DailyLogs.DatabaseId;
        });
        services.AddOptions<SheetsBackupOptions>().PostConfigure<DemoWorkspace>((options, demo) =>
        {
            if (!demo.IsActive)
            {
                return;
            }

            var running = demo.Endpoints;
            options.BaseUrl = running.Sheets.BaseUrl;
            options.SpreadsheetId = running.SpreadsheetId;
            options.CredentialsFile = running.KeyFile;
        });
        services.AddHostedService<DemoStartup>();
        return services;
    }

    /// <summary><c>POST /signin/demo</c>: in demo mode, from this machine only, signs in without the API key.</summary>
    public static IEndpointRouteBuilder MapDemoSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signin/demo", async (HttpContext context, [FromForm] string? returnUrl) =>
            {
                if (!CanEnterWithoutKey(context))
                {
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                }

                await Sessions.SignInAsync(context, Sessions.DemoMode);
                return Results.LocalRedirect(ReturnUrls.Safe(returnUrl));
            })
            .AllowAnonymous().RequireSignInLimit().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Demo mode is on and the visitor is on this machine: a loopback peer that also asked for a loopback Host (a DNS
    /// rebinding page names its own host) and came through no proxy (a same-host proxy or tunnel makes everyone loopback).
    /// </summary>
    public static bool CanEnterWithoutKey(HttpContext context) =>
        context.RequestServices.GetService<DemoWorkspace>() is { IsActive: true }
        && context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && LoopbackBinding.IsLoopbackHost(context.Request.Host)
        && !context.Request.Headers.Keys.Any(IsForwardingHeader);

    private static bool IsForwardingHeader(string name) =>
        name.Equals("Forwarded", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("X-Original-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("X-Real-IP", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Via", StringComparison.OrdinalIgnoreCase);
}
