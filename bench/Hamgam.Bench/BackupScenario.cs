using System.Diagnostics;
using Hamgam.Core.Backup;
using Hamgam.Core.DailyLogs;
using Hamgam.Core.Data;
using Hamgam.Core.Habits;
using Hamgam.Core.Projects;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Tasks;
using Hamgam.Core.Time;
using Hamgam.Emulators.Notion;
using Hamgam.Emulators.Sheets;
using Hamgam.Sheets;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Bench;

/// <summary>P4: a backup of 10,000 tasks and 3,000 daily logs to the Sheets emulator, every row (no windows).</summary>
internal sealed class BackupScenario(BenchOptions options)
{
    private const int Tasks = 10_000;
    private const int Logs = 3_000;

    public async Task<List<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await BenchDatabase.CreateAsync(options.Postgres, cancellationToken);
        await SeedAsync(db, cancellationToken);
        var defaults = new SheetsBackupOptions().MaxRequestBytes;
        // The default: split above Google's recommended 2 MB per request (the emulator refuses larger bodies, as a check);
        // then the one-request path, with the threshold raised above the whole payload.
        var split = await BackupOnceAsync(db, defaults, $"split above {defaults / 1_000_000.0:0.#} MB (the default)", cancellationToken);
        var single = await BackupOnceAsync(db, int.MaxValue, "one request (Sheets:MaxRequestBytes raised)", cancellationToken);
        return [.. split, .. single];
    }

    private static async Task<List<Figure>> BackupOnceAsync(BenchDatabase db, int maxRequestBytes, string label, CancellationToken cancellationToken)
    {
        await using var sheets = await SheetsEmulator.StartAsync(
            new SheetsEmulatorOptions { MaxRequestBytes = maxRequestBytes == int.MaxValue ? null : maxRequestBytes }, cancellationToken);
        // A Notion emulator stands by so that any Notion request during the backup would be counted.
        await using var notion = await NotionEmulator.StartAsync(new NotionEmulatorOptions(), cancellationToken);
        var spreadsheetId = sheets.Spreadsheets.CreateSpreadsheet(title: "پشتیبان همگام");
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSheetsClient(o =>
        {
            o.BaseUrl = sheets.BaseUrl;
            o.CredentialsJson = sheets.CreateServiceAccountKeyJson();
        });
        await using var provider = services.BuildServiceProvider();
        var backupOptions = Microsoft.Extensions.Options.Options.Create(new SheetsBackupOptions
        {
            SpreadsheetId = spreadsheetId, DailyLogWindowDays = null, TaskWindowDays = null, MaxRequestBytes = maxRequestBytes,
        });
        var backup = new SheetsBackup(
            provider.GetRequiredService<SheetsClient>(), db, backupOptions, new RunLog(db, new SyncActivity(), TimeProvider.System),
            provider.GetRequiredService<SheetsRequestMeter>(), new UserClock(TimeProvider.System, UserClock.ResolveZone("Asia/Tehran")));

        Console.WriteLine($"P4: backup of {Tasks:N0} tasks and {Logs:N0} logs, {label}…");
        var sheetsBefore = sheets.RequestCount;
        var notionBefore = notion.RequestCount;
        var stopwatch = Stopwatch.StartNew();
        var report = await backup.BackupAsync("bench", cancellationToken);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var rows = string.Join(", ", report.RowsByTab.Select(t => $"{t.Key} {t.Value:N0}"));
        return
        [
            new("P4", $"backup, {label}: Sheets requests", report.SheetsRequests, "req", 3, Judge.AtMost,
                Note: $"{report.Rows:N0} rows ({rows}) in {wall:0.00} s; the Sheets emulator counted {sheets.RequestCount - sheetsBefore} API requests"),
            new("P4", $"backup, {label}: Notion requests", notion.RequestCount - notionBefore, "req", 0, Judge.Exactly,
                Note: "SheetsBackup takes no Notion client; counted at a standing Notion emulator"),
        ];
    }

    private static async Task SeedAsync(BenchDatabase db, CancellationToken cancellationToken)
    {
        await using var context = db.CreateDbContext();
        var start = new DateOnly(2018, 1, 1);
        for (var i = 0; i < Tasks; i++)
        {
            context.Tasks.Add(new TaskItem
            {
                Name = $"کار شماره {i} 📚", Status = i % 3 == 0 ? "Done" : "In progress", Context = ["خانه"], Tags = ["tag" + (i % 7)],
                Importance = "High", QuickWin = i % 2 == 0, Notes = "یادداشت " + i,
            });
        }

        for (var i = 0; i < Logs; i++)
        {
            context.DailyLogs.Add(new DailyLog
            {
                Name = "روز " + i, Date = FlexDate.FromDate(start.AddDays(i)), Mood = "😊 خوب", Energy = i % 10, TopWin = "برد " + i, Reflection = "تأمل " + i,
            });
        }

        context.Projects.Add(new Project { Name = "پروژه", Status = "Active" });
        context.Habits.Add(new Habit { Name = "مطالعه", Status = "🎯 Active", Counter = 3 });
        await context.SaveChangesAsync(cancellationToken);
    }
}
