using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Habits;
using Hamgam.Testing;
using Hamgam.Web.Features.Habits;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Tests.Features.Habits;

/// <summary>
/// Habits that come from Notion (no local check-in history), through the real puller and pusher against the emulator:
/// a check-in continues their streak, and the optional Last Check-in property makes a lapse known.
/// </summary>
public sealed class HabitStreakSyncTests
{
    // The harness clock starts at 2026-11-24 08:30 UTC, 12:00 in Tehran (a Tuesday).
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory, OnAllDatabases]
    public async Task CheckIn_PulledHabitWithoutLastCheckIn_ContinuesTheStreakAndPushesIt(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        var page = AddHabit(h, "تمرین آلمانی در دولینگو", "Daily", streak: 11, best: 23);
        var (checkIns, id) = await PullAsync(h);

        var outcome = await checkIns.CheckInAsync(id);
        await h.PushAsync();

        Assert.Equal(new HabitStreakState(41, 12, 23, Today), outcome.State);
        var properties = h.Notion.GetPage(page)!["properties"]!;
        Assert.Equal(12, properties["Streak"]!["number"]!.GetValue<int>());
        Assert.Equal(23, properties["Best Streak"]!["number"]!.GetValue<int>());
        Assert.Equal(41, properties["Counter"]!["number"]!.GetValue<int>());
        Assert.Null(properties["Last Check-in"]);
    }

    [Theory, OnAllDatabases]
    public async Task CheckIn_WithLastCheckInYesterday_ContinuesAndWritesTheDayToNotion(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        AddLastCheckInProperty(h);
        var page = AddHabit(h, "کتاب", "Daily", streak: 11, best: 23, lastCheckIn: Today.AddDays(-1));
        var (checkIns, id) = await PullAsync(h);

        var outcome = await checkIns.CheckInAsync(id);
        await h.PushAsync();

        Assert.Equal(new HabitStreakState(41, 12, 23, Today), outcome.State);
        var properties = h.Notion.GetPage(page)!["properties"]!;
        Assert.Equal("2026-11-24", properties["Last Check-in"]!["date"]!["start"]!.GetValue<string>());
        Assert.Equal(12, properties["Streak"]!["number"]!.GetValue<int>());
    }

    [Theory, OnAllDatabases]
    public async Task CheckIn_WithLastCheckInLapsed_RestartsTheStreakButKeepsBest(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        AddLastCheckInProperty(h);
        AddHabit(h, "دویدن", "Daily", streak: 11, best: 23, lastCheckIn: Today.AddDays(-2));
        var (checkIns, id) = await PullAsync(h);

        var outcome = await checkIns.CheckInAsync(id);

        Assert.Equal(new HabitStreakState(41, 1, 23, Today), outcome.State);
    }

    [Theory, OnAllDatabases]
    public async Task CheckIn_WeeklyAcrossTehranMidnight_CountsTheNewPersianWeekOnce(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        AddLastCheckInProperty(h);
        // Friday 2026-11-27 is the last day of the Persian week that started on Saturday the 21st.
        AddHabit(h, "مرور هفتگی", "Weekly", streak: 3, best: 3, lastCheckIn: new DateOnly(2026, 11, 25));
        var (checkIns, id) = await PullAsync(h);
        h.Db.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 20, 29, 0, TimeSpan.Zero)); // Friday 23:59 in Tehran

        var sameWeek = await checkIns.CheckInAsync(id);
        h.Db.Time.Advance(TimeSpan.FromMinutes(2)); // Saturday 00:01 in Tehran: a new week
        var nextWeek = await checkIns.CheckInAsync(id);

        Assert.Equal(3, sameWeek.State!.Streak);
        Assert.True(sameWeek.AlreadyCheckedInThisPeriod);
        Assert.Equal(new HabitStreakState(42, 4, 4, new DateOnly(2026, 11, 28)), nextWeek.State);
    }

    [Theory, OnAllDatabases]
    public async Task UndoAsync_SameDay_RestoresEveryCounterAndNotionHearsOfIt(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        AddLastCheckInProperty(h);
        var page = AddHabit(h, "آب", "Daily", streak: 11, best: 11, lastCheckIn: Today.AddDays(-1));
        var (checkIns, id) = await PullAsync(h);
        await checkIns.CheckInAsync(id);
        await h.PushAsync();

        var undone = await checkIns.UndoAsync(id);
        await h.PushAsync();

        Assert.Equal(new HabitStreakState(40, 11, 11, Today.AddDays(-1)), undone);
        var properties = h.Notion.GetPage(page)!["properties"]!;
        Assert.Equal(11, properties["Best Streak"]!["number"]!.GetValue<int>());
        Assert.Equal("2026-11-23", properties["Last Check-in"]!["date"]!["start"]!.GetValue<string>());
        await using var db = await h.Db.Factory.CreateDbContextAsync();
        Assert.Empty(await db.HabitCheckIns.ToListAsync());
        Assert.Null(await checkIns.UndoAsync(id));
    }

    [Theory, OnAllDatabases]
    public async Task UndoAsync_NextDay_IsRefused(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        AddHabit(h, "نوشتن", "Daily", streak: 2, best: 5);
        var (checkIns, id) = await PullAsync(h);
        await checkIns.CheckInAsync(id);
        h.Db.Time.Advance(TimeSpan.FromDays(1));

        Assert.Null(await checkIns.UndoAsync(id));
        Assert.False((await checkIns.ListAsync()).Single().CanUndo);
    }

    [Theory, OnAllDatabases]
    public async Task CheckInAsync_PastDayFillingTheGap_JoinsTheRunsAndRaisesBest(DatabaseProvider provider)
    {
        await using var h = await NotionSyncHarness.CreateAsync(provider);
        AddLastCheckInProperty(h);
        AddHabit(h, "مدیتیشن", "Daily", streak: 0, best: 3, counter: 0);
        var (checkIns, id) = await PullAsync(h);
        foreach (var back in new[] { 5, 4, 2, 1 })
        {
            await checkIns.CheckInAsync(id, Today.AddDays(-back));
        }

        var before = (await checkIns.ListAsync()).Single();
        var filled = await checkIns.CheckInAsync(id, Today.AddDays(-3));

        Assert.Equal(2, before.Streak);
        Assert.Equal(new HabitStreakState(5, 5, 5, Today.AddDays(-1)), filled.State);
        Assert.False(filled.AlreadyCheckedInThisPeriod);
        Assert.Equal(5, (await checkIns.ListAsync()).Single().Days.Count);
    }

    private static async Task<(HabitCheckIns CheckIns, Guid Id)> PullAsync(NotionSyncHarness h)
    {
        await h.PullAsync(full: true);
        await using var db = await h.Db.Factory.CreateDbContextAsync();
        var id = await db.Habits.Select(x => x.Id).SingleAsync();
        return (new HabitCheckIns(h.Db.Factory, h.Changes, h.Clock), id);
    }

    private static void AddLastCheckInProperty(NotionSyncHarness h) =>
        h.Notion.UpdateDataSource(h.Databases.Habits.DataSourceId, new JsonObject
        {
            ["properties"] = new JsonObject { ["Last Check-in"] = new JsonObject { ["date"] = new JsonObject() } },
        });

    private static string AddHabit(NotionSyncHarness h, string name, string frequency, int streak, int best, DateOnly? lastCheckIn = null, int counter = 40) =>
        h.AddPage(h.Databases.Habits.DataSourceId, "Habit Name", name, p =>
        {
            p["Status"] = NotionSyncHarness.Status("🎯 Active");
            p["Frequency"] = NotionSyncHarness.Select(frequency);
            p["Counter"] = new JsonObject { ["number"] = counter };
            p["Streak"] = new JsonObject { ["number"] = streak };
            p["Best Streak"] = new JsonObject { ["number"] = best };
            if (lastCheckIn is { } day)
            {
                p["Last Check-in"] = NotionSyncHarness.Date(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        });
}
