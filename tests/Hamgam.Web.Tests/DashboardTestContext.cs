using AntDesign.JsInterop;
using Bunit;
using Hamgam.Core.Data;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Conflicts;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Sync.Status;
using Hamgam.Core.Time;
using Hamgam.Testing;
using Hamgam.Web.Features.DailyLogs;
using Hamgam.Web.Features.Habits;
using Hamgam.Web.Features.Tasks;
using Hamgam.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Web.Tests;

/// <summary>
/// A bUnit context with the dashboard's services over a fresh, migrated SQLite database and a fake clock
/// (2026-11-24 08:30 UTC = 1405/09/03 in Tehran).
/// </summary>
public sealed class DashboardTestContext : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = default!;

    public TestDatabase Database => _database;

    public SyncActivity Activity { get; } = new();

    public UserClock Clock => new(_database.Time, UserClock.ResolveZone(UserClock.DefaultZoneId));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<HtmlElement>(_ => true).SetResult(new HtmlElement());
        Services.AddAntDesign();
        Services.AddSingleton<TimeProvider>(_database.Time);
        Services.AddSingleton(_database.Factory);
        Services.AddSingleton(Activity);
        Services.AddSingleton(_database.Changes);
        Services.AddSingleton(Clock);
        Services.AddSingleton<LocalChanges>();
        Services.AddSingleton<ConflictInbox>();
        Services.AddSingleton<SyncStatusReader>();
        Services.AddSingleton<FailedPushes>();
        Services.AddSingleton<TaskQueries>();
        Services.AddSingleton<HabitCheckIns>();
        Services.AddSingleton<DailyLogQueries>();
        UsePersian(true);
        AntDesignLocales.RegisterPersianFix();
    }

    public void UsePersian(bool persian) => Services.AddScoped(sp => new Ui(sp.GetRequiredService<UserClock>(), persian));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    public async Task SaveAsync(Action<HamgamDb> change)
    {
        await using var db = await _database.Factory.CreateDbContextAsync();
        change(db);
        await db.SaveChangesAsync();
    }
}
