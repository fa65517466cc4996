using Hamgam.Core.Backup;
using Hamgam.Core.Backup.Restore;
using Hamgam.Core.DailyLogs;
using Hamgam.Core.Data;
using Hamgam.Core.Habits;
using Hamgam.Core.Projects;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Activity;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Hamgam.Core.Time;
using Hamgam.Emulators.Sheets;
using Hamgam.Sheets;
using Hamgam.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Core.Tests.Backup;

/// <summary>A fresh database and Sheets emulator with one spreadsheet, the real Sheets client, backup and restore.</summary>
internal sealed class BackupHarness : IAsyncDisposable
{
    private ServiceProvider _services = null!;

    public TestDatabase Db { get; private set; } = null!;

    public SheetsEmulator Sheets { get; private set; } = null!;

    /// <summary>The emulator's options; the request-size limit can be changed while it runs.</summary>
    public SheetsEmulatorOptions EmulatorOptions { get; private set; } = null!;

    public string SpreadsheetId { get; private set; } = "";

    public SheetsBackup Backup { get; private set; } = null!;

    public SheetsRestore Restore { get; private set; } = null!;

    public LocalChanges Changes { get; private set; } = null!;

    /// <summary>The last outbox id before a test's edits, so it can look at what the restore queued.</summary>
    public long OutboxMark { get; set; }

    public SheetsClient Client => _services.GetRequiredService<SheetsClient>();

    /// <summary>
    /// With <paramref name="maxRequestBytes"/>, the backup splits bodies above it and the emulator refuses any body above it;
    /// <paramref name="configure"/> changes the backup's other options (e.g. windows); <paramref name="quota"/> false lifts the
    /// emulator's per-minute quota for tests that run many backups.
    /// </summary>
    public static async Task<BackupHarness> CreateAsync(
        DatabaseProvider provider, int? maxRequestBytes = null, Action<SheetsBackupOptions>? configure = null, bool quota = true)
    {
        var h = new BackupHarness { Db = await TestDatabase.CreateAsync(provider) };
        h.EmulatorOptions = new SheetsEmulatorOptions { MaxRequestBytes = maxRequestBytes, QuotaEnabled = quota };
        h.Sheets = await SheetsEmulator.StartAsync(h.EmulatorOptions);
        h.SpreadsheetId = h.Sheets.Spreadsheets.CreateSpreadsheet(title: "پشتیبان همگام");
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSheetsClient(o =>
        {
            o.BaseUrl = h.Sheets.BaseUrl;
            o.CredentialsJson = h.Sheets.CreateServiceAccountKeyJson();
            o.MaxRetryAttempts = 1;
            o.MaxBackoff = TimeSpan.FromMilliseconds(50);
        });
        h._services = services.BuildServiceProvider();
        var settings = new SheetsBackupOptions { SpreadsheetId = h.SpreadsheetId, MaxRequestBytes = maxRequestBytes ?? 2_000_000 };
        configure?.Invoke(settings);
        var options = Microsoft.Extensions.Options.Options.Create(settings);
        h.Changes = new LocalChanges(h.Db.Factory, h.Db.Time);
        h.Backup = h.CreateBackup(settings);
        h.Restore = new SheetsRestore(h.Client, h.Db.Factory, options, h.Changes, h.Runs, h.Meter, h.Clock);
        return h;
    }

    private UserClock Clock => new(Db.Time, UserClock.ResolveZone("Asia/Tehran"));

    private RunLog Runs => new(Db.Factory, new SyncActivity(), Db.Time);

    private SheetsRequestMeter Meter => _services.GetRequiredService<SheetsRequestMeter>();

    /// <summary>Another backup of the same database, e.g. into a second spreadsheet or with another request limit.</summary>
    public SheetsBackup CreateBackup(SheetsBackupOptions settings) =>
        new(Client, Db.Factory, Microsoft.Extensions.Options.Options.Create(settings), Runs, Meter, Clock);

    public async Task SeedAsync(int tasks)
    {
        await using var db = Db.CreateContext();
        db.Tasks.Add(new TaskItem { Name = "=HYPERLINK(\"x\")", Status = "Inbox" });
        for (var i = 1; i < tasks; i++)
        {
            db.Tasks.Add(new TaskItem
            {
                Name = $"کار {SolarHijri.ToPersianDigits(i.ToString(System.Globalization.CultureInfo.InvariantCulture))} 📚",
                Context = ["خانه", "کار"], QuickWin = i % 2 == 0, Type = i == 1 ? "Idea" : null, DueDate = FlexDate.Parse("2026-12-01"),
                Tags = ["not-in-backup"],
            });
        }

        db.DailyLogs.Add(new DailyLog { Name = "دیروز", Date = FlexDate.Parse("2026-11-23"), Mood = "😊 خوب", Energy = 7, TopWin = "نوشتن" });
        db.DailyLogs.Add(new DailyLog { Name = "قدیمی", Date = FlexDate.Parse("2026-10-01"), Mood = "😐" });
        db.Projects.Add(new Project { Name = "پروژه", Status = "Active", StartDate = FlexDate.Parse("2026-11-01") });
        db.Habits.Add(new Habit { Name = "مطالعه", Status = "🎯 Active", Counter = 3, Streak = 2 });
        await db.SaveChangesAsync();
    }

    /// <summary>Writes cells into a tab through the API (as a person editing the sheet would), RAW.</summary>
    public Task WriteAsync(string tab, string cells, params SheetValue[][] rows) =>
        Client.Values.UpdateAsync(SpreadsheetId, SheetsA1.Range(tab, cells), rows, ValueInputOption.Raw);

    /// <summary>Adds rows under a tab's last row, growing the grid first (a backup sizes each grid exactly).</summary>
    public async Task AppendAsync(string tab, params SheetValue[][] rows)
    {
        var info = Sheets.Spreadsheets.FindTab(SpreadsheetId, tab)!;
        var used = Sheets.Spreadsheets.ReadCells(SpreadsheetId, tab).Count(r => r.Any(c => c.Length > 0));
        await Client.Spreadsheets.BatchUpdateAsync(
            SpreadsheetId, [SheetsRequest.ResizeGrid(info.SheetId, used + rows.Length, info.ColumnCount, info.FrozenRowCount)]);
        await WriteAsync(tab, $"A{used + 1}", rows);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sheets.DisposeAsync();
        await Db.DisposeAsync();
    }
}
