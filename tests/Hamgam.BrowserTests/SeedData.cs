using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Conflicts;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.BrowserTests;

/// <summary>A small Persian workspace, written the way the app writes: through LocalChanges.</summary>
public static class SeedData
{
    public static async Task SeedAsync(DashboardServer server)
    {
        var changes = server.Services.GetRequiredService<LocalChanges>();
        var today = server.Services.GetRequiredService<UserClock>().Today;
        var project = await changes.CreateAsync(EntityKind.Project, new Dictionary<string, string?>
        {
            ["name"] = "راه‌اندازی همگام", ["status"] = "Active", ["area"] = "کار", ["priority"] = "High",
            ["targetDate"] = Canonical.Date(FlexDate.FromDate(today.AddDays(30))),
        });
        string?[][] tasks =
        [
            ["نوشتن گزارش هفتگی", "In progress", "High", "High", Canonical.Date(FlexDate.FromDate(today)), null, "false"],
            ["تماس با حسابدار", "Inbox", "High", "Low", null, Canonical.Date(FlexDate.FromDate(today.AddDays(-2))), "false"],
            ["مرتب کردن میز", "Not started", "Low", "Low", null, null, "true"],
            ["خرید کتاب", "Not started", "Low", "High", Canonical.Date(FlexDate.FromDate(today)), null, "true"],
            ["تمرین ورزش", "Done", "High", "Low", null, null, "false"],
        ];
        foreach (var t in tasks)
        {
            await changes.CreateAsync(EntityKind.Task, new Dictionary<string, string?>
            {
                ["name"] = t[0], ["status"] = t[1], ["importance"] = t[2], ["urgency"] = t[3], ["scheduledFor"] = t[4], ["dueDate"] = t[5],
                ["quickWin"] = t[6], ["context"] = Canonical.List(["خانه"]), ["tags"] = Canonical.List(["شخصی"]),
                ["energyLevel"] = "Medium", ["projectId"] = Canonical.Id(project.Id),
            });
        }

        await changes.CreateAsync(EntityKind.Habit, new Dictionary<string, string?>
        {
            ["name"] = "مطالعه ۲۰ دقیقه", ["status"] = "🎯 Active", ["frequency"] = "Daily", ["category"] = "رشد",
        });
        for (var i = 0; i < 10; i++)
        {
            await changes.CreateAsync(EntityKind.DailyLog, new Dictionary<string, string?>
            {
                ["name"] = $"گزارش {i}", ["date"] = Canonical.Date(FlexDate.FromDate(today.AddDays(-i - 1))),
                ["mood"] = i % 3 == 0 ? "😊" : "😐", ["energy"] = Canonical.Number(4 + (i * 3 % 6)), ["topWin"] = "تمام کردن یک کار مهم",
            });
        }

        await using var db = await server.Db.CreateDbContextAsync();
        var clock = server.Services.GetRequiredService<UserClock>();
        var first = await db.Tasks.OrderBy(t => t.CreatedAt).FirstAsync();
        first.NotionId = "11111111-2222-3333-4444-555555555555";
        first.LastSynced = clock.Now.AddMinutes(-3);
        db.SyncLog.Add(new SyncRun
        {
            Type = SyncRunType.NotionToDb, Status = SyncRunStatus.Partial, RecordsSynced = 42, RequestsUsed = 9, StartedAt = clock.Now.AddMinutes(-4),
            CompletedAt = clock.Now.AddMinutes(-3), DurationMs = 2300,
            Errors = [new SyncRunError { EntityKind = EntityKind.Task, NotionId = "abc", Message = "Status option 'X' does not exist." }],
        });
        db.Conflicts.Add(new SyncConflict
        {
            Id = Guid.NewGuid(), EntityKind = EntityKind.Task, EntityId = first.Id, Field = "status", BaseValue = "Inbox",
            LocalValue = "In progress", RemoteValue = "Done", DetectedAt = clock.Now.AddMinutes(-3),
        });
        var failed = await db.Outbox.OrderBy(o => o.Id).Skip(2).FirstAsync();
        failed.State = OutboxState.Failed;
        failed.LastError = "validation_error: Importance is expected to be select.";
        await db.SaveChangesAsync();
    }
}
