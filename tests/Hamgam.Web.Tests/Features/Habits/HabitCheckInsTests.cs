using Bunit;
using Hamgam.Core.Fields;
using Hamgam.Core.Habits;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Web.Components.Shared;
using Hamgam.Web.Features.Habits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Web.Tests.Features.Habits;

public sealed class HabitCheckInsTests : IAsyncLifetime
{
    private readonly DashboardTestContext _ctx = new();

    public Task InitializeAsync() => _ctx.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_ctx).DisposeAsync();

    [Fact]
    public async Task CheckInAsync_DayAfterLastCheckIn_ExtendsTheStreakAndQueuesTheCountersForNotion()
    {
        var yesterday = _ctx.Clock.Today.AddDays(-1);
        var habit = new Habit { Name = "read", Frequency = "Daily", Counter = 4, Streak = 2, BestStreak = 2, LastCheckIn = yesterday };
        await _ctx.SaveAsync(db => db.Habits.Add(habit));
        var checkIns = _ctx.Services.GetRequiredService<HabitCheckIns>();

        var outcome = await checkIns.CheckInAsync(habit.Id);

        Assert.Equal(new HabitStreakState(5, 3, 3, _ctx.Clock.Today), outcome.State);
        await using var db = await _ctx.Database.Factory.CreateDbContextAsync();
        Assert.Equal(_ctx.Clock.Today, (await db.HabitCheckIns.SingleAsync()).Day);
        var queued = Canonical.Deserialize((await db.Outbox.SingleAsync(o => o.Operation == OutboxOperation.Update)).Fields);
        Assert.Equal("5", queued["counter"]);
        Assert.Equal("3", queued["streak"]);
        Assert.Equal("3", queued["bestStreak"]);
    }

    [Fact]
    public async Task HabitsPage_CheckInClicked_ShowsTheNewStreakAndMarksTodayOnTheHeatMap()
    {
        await _ctx.SaveAsync(db => db.Habits.Add(new Habit { Name = "walk", Status = "🎯 Active", Frequency = "Daily" }));
        var page = _ctx.Render<HabitsPage>();
        page.WaitForElement("button.check-in");

        await page.Find("button.check-in").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".heatmap .cell.on")));
        Assert.Contains("ثبت دوباره", page.Find("button.check-in").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void HeatMap_Days_MarksOnlyCheckedInDaysAndNothingInTheFuture()
    {
        var today = _ctx.Clock.Today;
        var map = _ctx.Render<HeatMap>(p => p.Add(m => m.Days, [today, today.AddDays(-3), today.AddDays(-400)]).Add(m => m.Weeks, 4));

        Assert.Equal(2, map.FindAll(".cell.on").Count);
        Assert.Equal(28, map.FindAll(".cell").Count);
    }
}
