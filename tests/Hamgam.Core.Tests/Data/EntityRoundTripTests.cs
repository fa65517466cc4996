using Hamgam.Core.DailyLogs;
using Hamgam.Core.Data;
using Hamgam.Core.Habits;
using Hamgam.Core.Projects;
using Hamgam.Core.Tasks;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Data;

public sealed class EntityRoundTripTests
{
    private const string PersianName = "خرید کتاب «صد سال تنهایی» ۱۴۰۵ 📚✨";
    private const string PersianNotes = "یادداشت: ساعت ۱۸:۳۰ با علی‌رضا — ZWNJ‌ و emoji 👩🏽‍💻 حفظ شود";

    [Theory, OnAllDatabases]
    public async Task Task_CreateReadUpdateSoftDelete_RoundTripsEveryField(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var project = new Project { Name = "پروژهٔ همگام 🚀", Status = "Active" };
        var task = new TaskItem
        {
            Name = PersianName,
            Status = "📥 Inbox",
            Context = ["🏠 خانه", "💻 Computer"],
            EnergyLevel = "⚡ High",
            Importance = "مهم",
            Urgency = "فوری",
            EstimatedTime = "۱۵ دقیقه",
            DueDate = FlexDate.Parse("2026-12-01"),
            ScheduledFor = FlexDate.Parse("2026-11-24T18:30:00.000+03:30"),
            CompletedDate = null,
            QuickWin = true,
            Tags = ["کتاب", "📚"],
            Category = "شخصی",
            Type = "Task",
            Notes = PersianNotes,
            IsRecurring = true,
            RecurringType = "Weekly",
            NotionId = "2f8c9e1a-0000-4000-8000-000000000001",
            NotionUrl = "https://www.notion.so/x-2f8c9e1a000040008000000000000001",
            RelatedProjectNotionIds = [.. Enumerable.Range(1, 30).Select(i => $"proj-{i:D2}")],
        };

        await using (var db = test.CreateContext())
        {
            db.Projects.Add(project);
            task.ProjectId = project.Id;
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
        }

        await using (var db = test.CreateContext())
        {
            var read = await db.Tasks.SingleAsync(t => t.Id == task.Id);
            Assert.Equal(PersianName, read.Name);
            Assert.Equal(PersianNotes, read.Notes);
            Assert.Equal(["🏠 خانه", "💻 Computer"], read.Context);
            Assert.Equal(["کتاب", "📚"], read.Tags);
            Assert.Equal("2026-12-01", read.DueDate.ToString());
            Assert.Equal("2026-11-24T18:30:00.000+03:30", read.ScheduledFor.ToString());
            Assert.Null(read.CompletedDate);
            Assert.True(read.QuickWin);
            Assert.True(read.IsRecurring);
            Assert.Equal("Weekly", read.RecurringType);
            Assert.Equal("۱۵ دقیقه", read.EstimatedTime);
            Assert.Equal(project.Id, read.ProjectId);
            Assert.Equal(30, read.RelatedProjectNotionIds.Count);
            Assert.Equal(test.Time.GetUtcNow(), read.CreatedAt);

            read.Status = "✅ Done";
            read.Tags.Add("تمام‌شده");
            read.CompletedDate = FlexDate.Parse("2026-11-24");
            await db.SaveChangesAsync();
            Assert.Equal(2, read.Version);
        }

        await using (var db = test.CreateContext())
        {
            var read = await db.Tasks.SingleAsync(t => t.Id == task.Id);
            Assert.Equal("✅ Done", read.Status);
            Assert.Equal(["کتاب", "📚", "تمام‌شده"], read.Tags);
            read.DeletedAt = test.Time.GetUtcNow();
            await db.SaveChangesAsync();
        }

        await AssertSoftDeletedAsync(test, db => db.Tasks, task.Id);
    }

    [Theory, OnAllDatabases]
    public async Task Project_CreateReadUpdateSoftDelete_RoundTrips(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var project = new Project
        {
            Name = "یادگیری زبان آلمانی 🇩🇪",
            Status = "Active",
            Area = "رشد فردی",
            Priority = "بالا",
            StartDate = FlexDate.Parse("2026-01-01"),
            TargetDate = FlexDate.Parse("2026-12-29"),
            Vision = "چرا؟ چون می‌خواهم در برلین زندگی کنم. ۱۲۳۴۵۶۷۸۹۰",
        };
        await using (var db = test.CreateContext())
        {
            db.Projects.Add(project);
            await db.SaveChangesAsync();
        }

        await using (var db = test.CreateContext())
        {
            var read = await db.Projects.SingleAsync(p => p.Id == project.Id);
            Assert.Equal(project.Name, read.Name);
            Assert.Equal(project.Vision, read.Vision);
            Assert.Equal("2026-12-29", read.TargetDate.ToString());
            read.Priority = null;
            await db.SaveChangesAsync();
        }

        await using (var db = test.CreateContext())
        {
            var read = await db.Projects.SingleAsync(p => p.Id == project.Id);
            Assert.Null(read.Priority);
            read.DeletedAt = test.Time.GetUtcNow();
            await db.SaveChangesAsync();
        }

        await AssertSoftDeletedAsync(test, db => db.Projects, project.Id);
    }

    [Theory, OnAllDatabases]
    public async Task Habit_CreateReadUpdateSoftDelete_RoundTripsWithCheckIns(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var habit = new Habit
        {
            Name = "مدیتیشن صبحگاهی 🧘",
            Type = "Good",
            Category = "سلامت",
            Status = "🎯 Active",
            Frequency = "Daily",
            Counter = 41,
            Streak = 7,
            BestStreak = 19,
            RelatedTrigger = "بعد از بیدار شدن ☀️",
            LastCheckIn = new DateOnly(2026, 11, 23),
            CheckIns = [new HabitCheckIn { Day = new DateOnly(2026, 11, 23), At = test.Time.GetUtcNow() }],
        };
        await using (var db = test.CreateContext())
        {
            db.Habits.Add(habit);
            await db.SaveChangesAsync();
        }

        await using (var db = test.CreateContext())
        {
            var read = await db.Habits.Include(h => h.CheckIns).SingleAsync(h => h.Id == habit.Id);
            Assert.Equal("🎯 Active", read.Status);
            Assert.Equal((41, 7, 19), (read.Counter, read.Streak, read.BestStreak));
            Assert.Equal(new DateOnly(2026, 11, 23), Assert.Single(read.CheckIns).Day);
            read.Counter++;
            read.CheckIns.Add(new HabitCheckIn { Day = new DateOnly(2026, 11, 24), At = test.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        await using (var db = test.CreateContext())
        {
            var read = await db.Habits.Include(h => h.CheckIns).SingleAsync(h => h.Id == habit.Id);
            Assert.Equal(42, read.Counter);
            Assert.Equal(2, read.CheckIns.Count);
            read.DeletedAt = test.Time.GetUtcNow();
            await db.SaveChangesAsync();
        }

        await AssertSoftDeletedAsync(test, db => db.Habits, habit.Id);
    }

    [Theory, OnAllDatabases]
    public async Task DailyLog_CreateReadUpdateSoftDelete_RoundTripsEveryText(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var log = new DailyLog
        {
            Name = "۱۴۰۵/۰۹/۰۳",
            Date = FlexDate.Parse("2026-11-24"),
            Mood = "😊 خوب",
            Energy = 7.5,
            TopWin = "تمام کردن فصل ۳",
            MainObstacle = "خواب کم 😴",
            TechniquesSuggested = "پومودورو",
            Reflection = new string('ب', 5000),
            TechniquesUsed = "Time-blocking",
            BadHabits = "گوشی قبل از خواب",
            GoodHabits = "پیاده‌روی ۳۰ دقیقه",
            Desires = "سفر به شیراز",
            DailyReport = "روز خوبی بود.\nخط دوم\tبا تب",
        };
        await using (var db = test.CreateContext())
        {
            db.DailyLogs.Add(log);
            await db.SaveChangesAsync();
        }

        await using (var db = test.CreateContext())
        {
            var read = await db.DailyLogs.SingleAsync(d => d.Id == log.Id);
            Assert.Equal(log.Reflection, read.Reflection);
            Assert.Equal(log.DailyReport, read.DailyReport);
            Assert.Equal(7.5, read.Energy);
            Assert.Equal("۱۴۰۵/۰۹/۰۳", read.Name);
            read.Energy = null;
            read.Mood = "😐";
            await db.SaveChangesAsync();
        }

        await using (var db = test.CreateContext())
        {
            var read = await db.DailyLogs.SingleAsync(d => d.Id == log.Id);
            Assert.Null(read.Energy);
            Assert.Equal("😐", read.Mood);
            read.DeletedAt = test.Time.GetUtcNow();
            await db.SaveChangesAsync();
        }

        await AssertSoftDeletedAsync(test, db => db.DailyLogs, log.Id);
    }

    private static async Task AssertSoftDeletedAsync<T>(TestDatabase test, Func<HamgamDb, IQueryable<T>> set, Guid id)
        where T : SyncedEntity
    {
        await using var db = test.CreateContext();
        Assert.False(await set(db).AnyAsync(e => e.Id == id));
        var tombstone = await set(db).IgnoreQueryFilters().SingleAsync(e => e.Id == id);
        Assert.True(tombstone.IsDeleted);
    }
}
