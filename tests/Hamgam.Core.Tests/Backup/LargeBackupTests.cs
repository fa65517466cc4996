using Hamgam.Core.Backup;
using Hamgam.Core.DailyLogs;
using Hamgam.Core.Data;
using Hamgam.Core.Tasks;
using Hamgam.Testing;
using Xunit.Abstractions;

namespace Hamgam.Core.Tests.Backup;

/// <summary>10,000 tasks and 3,000 daily logs under the default 2 MB limit, which the emulator enforces.</summary>
public sealed class LargeBackupTests(ITestOutputHelper output)
{
    private const int Tasks = 10_000;
    private const int Logs = 3_000;

    [Theory, OnAllDatabases]
    public async Task BackupAsync_TenThousandTasksAndThreeThousandLogs_FewRequestsEachUnderTwoMegabytes(DatabaseProvider provider)
    {
        var limit = new SheetsBackupOptions().MaxRequestBytes;
        await using var h = await BackupHarness.CreateAsync(provider, limit, o => (o.TaskWindowDays, o.DailyLogWindowDays) = (null, null));
        await SeedAsync(h);

        var report = await h.Backup.BackupAsync("test");
        var again = await h.Backup.BackupAsync("test");

        var tabs = await BackupTabsAsync(h);
        var payload = Hamgam.Sheets.SheetsPayload.BatchUpdateBytes(BackupBatch.Build(tabs, []));
        var bodies = BackupStaging.Plan(tabs, [], 1, limit).Batches.Count;
        output.WriteLine($"{provider}: one-request payload {payload:N0} bytes; split into {bodies} bodies of ≤ {limit:N0} bytes; " +
            $"Sheets requests: first backup {report.SheetsRequests}, next backup {again.SheetsRequests}");
        Assert.True(payload > limit);
        // One spreadsheets.get, then the bodies: each as full as the limit allows, the swap riding in the last one.
        Assert.Equal(1 + bodies, report.SheetsRequests);
        Assert.Equal(report.SheetsRequests, again.SheetsRequests);
        Assert.True(bodies <= (payload / limit) + 2, $"{bodies} bodies for {payload} bytes");
        Assert.Equal(Tasks + 1, h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.BrainDump).Length);
        Assert.Equal(Logs + 1, h.Sheets.Spreadsheets.ReadCells(h.SpreadsheetId, BackupTabs.DailyLog).Length);
        Assert.DoesNotContain(h.Sheets.Spreadsheets.GetTabs(h.SpreadsheetId), t => BackupStaging.IsStaging(t.Title) || t.Hidden);
    }

    private static async Task SeedAsync(BackupHarness h)
    {
        await using var db = h.Db.CreateContext();
        for (var i = 0; i < Tasks; i++)
        {
            db.Tasks.Add(new TaskItem
            {
                Name = $"بررسی گزارش ماهانهٔ پروژه شماره {i}", Status = i % 3 == 0 ? "Done" : "Inbox", Context = ["خانه", "کار"],
                Importance = "High", Urgency = "Low", EnergyLevel = "Medium", EstimatedTime = "30 min", DueDate = FlexDate.Parse("2026-12-01"),
                QuickWin = i % 2 == 0, Notes = i % 4 == 0 ? "یادداشت: پیش از جلسه با تیم، فهرست کارها را مرور کنم و نتیجه را بفرستم." : null,
            });
        }

        var day = new DateOnly(2018, 1, 1);
        for (var i = 0; i < Logs; i++)
        {
            db.DailyLogs.Add(new DailyLog
            {
                Name = $"روز {i}", Date = FlexDate.Parse(day.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                Mood = "😊 خوب", Energy = 7, TopWin = "نوشتن فصل دوم", MainObstacle = "خستگی", Reflection = "روز خوبی بود؛ کارها پیش رفت و کمی هم ورزش کردم.",
                GoodHabits = "مطالعه، ورزش", Desires = "سفر",
            });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<List<BackupTab>> BackupTabsAsync(BackupHarness h)
    {
        await using var db = h.Db.CreateContext();
        return
        [
            BackupTabs.ForDailyLogs(db.DailyLogs.AsEnumerable().OrderByDescending(l => l.Date?.ToString()).ToList()),
            BackupTabs.ForTasks(db.Tasks.AsEnumerable().OrderByDescending(t => t.CreatedAt).ToList()),
            BackupTabs.ForProjects([.. db.Projects]),
            BackupTabs.ForHabits([.. db.Habits]),
        ];
    }
}
