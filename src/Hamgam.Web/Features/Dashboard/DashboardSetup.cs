using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hamgam.Core.Time;
using Hamgam.Web.Components;
using Hamgam.Web.Features.DailyLogs;
using Hamgam.Web.Features.Habits;
using Hamgam.Web.Features.Settings;
using Hamgam.Web.Features.Tasks;
using Hamgam.Web.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Hamgam.Web.Features.Dashboard;

/// <summary>The <c>Sync</c> settings the dashboard reads: the user's time zone (default Asia/Tehran).</summary>
public sealed class DashboardClockOptions
{
    public string? TimeZone { get; set; }
}

/// <summary>The Blazor dashboard (interactive server, AntDesign), its language switch and sign-in page.</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        // Persian text goes out as text, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddOptions<DashboardClockOptions>().BindConfiguration("Sync");
        services.AddOptions<ConnectionSettings>().BindConfiguration("");
        services.TryAddSingleton(sp => new UserClock(
            sp.GetRequiredService<TimeProvider>(), UserClock.ResolveZone(sp.GetRequiredService<IOptions<DashboardClockOptions>>().Value.TimeZone)));
        services.AddScoped(sp => Ui.ForCurrentCulture(sp.GetRequiredService<UserClock>()));
        services.AddSingleton<TaskQueries>();
        services.AddSingleton<HabitCheckIns>();
        services.AddSingleton<DailyLogQueries>();
        AntDesignLocales.RegisterPersianFix();
        return services;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        // Stylesheets, scripts and fonts are public: the sign-in page needs them before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapCultureSwitch();
        // frame-ancestors is in Hamgam's own CSP (SecurityHeaders); a second CSP header from Blazor would only add noise.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
