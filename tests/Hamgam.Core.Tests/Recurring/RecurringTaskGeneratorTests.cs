using Hamgam.Core.Data;
using Hamgam.Core.Recurring;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Hamgam.Core.Time;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Recurring;

public sealed class RecurringTaskGeneratorTests
{
    [Theory, OnAllDatabases]
    public async Task RunAsync_TwiceOnTheSameDay_CreatesOneInstancePerDueTemplate(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        // 20:45 UTC on the 24th is already 00:15 on the 25th (a Wednesday) in Tehran.
        test.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 20, 45, 0, TimeSpan.Zero));
        var daily = await AddTemplateAsync(test, "ورزش صبحگاهی 🏃", "Daily", null);
        var weeklyToday = await AddTemplateAsync(test, "مرور هفتگی", "Weekly", "2026-11-04");
        await AddTemplateAsync(test, "خرید هفتگی", "Weekly", "2026-11-07");
        var monthly = await AddTemplateAsync(test, "پرداخت قبض", "Monthly", "2026-10-25");
        var generator = Generator(test);

        Assert.Equal(3, await generator.RunAsync("scheduled"));
        Assert.Equal(0, await generator.RunAsync("scheduled"));

        await using var db = test.CreateContext();
        var instances = await db.Tasks.Where(t => t.RecurringTemplateId != null).ToListAsync();
        Assert.Equal(3, instances.Count);
        Assert.Equal([daily, weeklyToday, monthly], instances.Select(i => i.RecurringTemplateId!.Value).Order());
        Assert.All(instances, i =>
        {
            Assert.Equal(new DateOnly(2026, 11, 25), i.RecurringDay);
            Assert.Equal("2026-11-25", i.ScheduledFor.ToString());
            Assert.False(i.IsRecurring);
        });
        Assert.Contains(instances, i => i.Name == "ورزش صبحگاهی 🏃" && i.Tags.SequenceEqual(["سلامت"]));
        var creates = await db.Outbox.Where(o => o.Operation == OutboxOperation.Create).ToListAsync();
        Assert.Equal(3, creates.Count);
        Assert.All(creates, o => Assert.Equal(LocalChanges.BackgroundPriority, o.Priority));
        var runs = await db.SyncLog.Where(r => r.Type == SyncRunType.Recurring).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([3, 0], runs.Select(r => r.RecordsSynced));
        Assert.All(runs, r => Assert.Equal(SyncRunStatus.Success, r.Status));
    }

    [Theory, OnAllDatabases]
    public async Task RunAsync_DoneTemplate_InstanceStartsWithoutTheDoneStatus(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var db = test.CreateContext())
        {
            db.Tasks.Add(new TaskItem { Name = "آب دادن گل‌ها", Status = "✅ Done", IsRecurring = true, RecurringType = "روزانه" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Generator(test).RunAsync("manual"));

        await using var check = test.CreateContext();
        var instance = await check.Tasks.SingleAsync(t => t.RecurringTemplateId != null);
        Assert.Null(instance.Status);
    }

    private static RecurringTaskGenerator Generator(TestDatabase test)
    {
        var clock = new UserClock(test.Time, UserClock.ResolveZone("Asia/Tehran"));
        return new RecurringTaskGenerator(test.Factory, new LocalChanges(test.Factory, test.Time), clock, new RunLog(test.Factory, new SyncActivity(), test.Time));
    }

    private static async Task<Guid> AddTemplateAsync(TestDatabase test, string name, string type, string? anchor)
    {
        await using var db = test.CreateContext();
        var task = new TaskItem
        {
            Name = name, Status = "📥 Inbox", IsRecurring = true, RecurringType = type, Tags = ["سلامت"],
            ScheduledFor = anchor is null ? null : FlexDate.Parse(anchor),
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }
}
