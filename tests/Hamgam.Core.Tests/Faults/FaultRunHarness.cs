using Hamgam.Core.Backup;
using Hamgam.Core.Data;
using Hamgam.Emulators.Sheets;
using Hamgam.Sheets;
using Hamgam.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.Core.Tests.Faults;

/// <summary>
/// The Notion harness (database, Notion emulator, real client) plus a Sheets emulator with one spreadsheet, the real Sheets
/// client and the backup, with fault knobs on both emulators and counters of failed attempts on both clients.
/// </summary>
internal sealed class FaultRunHarness : IAsyncDisposable
{
    /// <summary>A Notion attempt taking longer than this is abandoned (and retried): the emulator's timeout faults hang longer.</summary>
    public static readonly TimeSpan NotionAttemptTimeout = TimeSpan.FromMilliseconds(400);

    private ServiceProvider _sheetsServices = null!;

    public NotionSyncHarness Notion { get; private set; } = null!;

    public SheetsEmulator Sheets { get; private set; } = null!;

    public string SpreadsheetId { get; private set; } = "";

    public SheetsBackup Backup { get; private set; } = null!;

    public AttemptCounter SheetsAttempts { get; } = new();

    public static async Task<FaultRunHarness> CreateAsync(DatabaseProvider provider)
    {
        var h = new FaultRunHarness
        {
            Notion = await NotionSyncHarness.CreateAsync(provider, client: o => o.Timeout = NotionAttemptTimeout),
            Sheets = await SheetsEmulator.StartAsync(new SheetsEmulatorOptions { QuotaEnabled = false }),
        };
        h.Notion.Options.Scope.DoneTaskWindowDays = null;
        h.SpreadsheetId = h.Sheets.Spreadsheets.CreateSpreadsheet(title: "پشتیبان همگام");
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSheetsClient(o =>
        {
            o.BaseUrl = h.Sheets.BaseUrl;
            o.CredentialsJson = h.Sheets.CreateServiceAccountKeyJson();
            o.MaxRetryAttempts = 8;
            o.MaxBackoff = TimeSpan.FromMilliseconds(5);
            o.QuotaBackoff = TimeSpan.Zero;
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
        });
        services.AddHttpClient<SheetsClient>().AddHttpMessageHandler(h.SheetsAttempts.CreateHandler);
        h._sheetsServices = services.BuildServiceProvider();
        var options = Microsoft.Extensions.Options.Options.Create(
            new SheetsBackupOptions { SpreadsheetId = h.SpreadsheetId, DailyLogWindowDays = null, TaskWindowDays = null });
        h.Backup = new SheetsBackup(
            h._sheetsServices.GetRequiredService<SheetsClient>(), h.Notion.Db.Factory, options, h.Notion.Runs,
            h._sheetsServices.GetRequiredService<SheetsRequestMeter>(), h.Notion.Clock);
        return h;
    }

    /// <summary>20% of requests fail on both sides: every kind of error status, dropped connections, timeouts, lost answers.</summary>
    public void StartFaults(int seed)
    {
        var notion = Notion.Emulator.Faults;
        notion.Seed = seed;
        notion.InjectedRetryAfterSeconds = 0;
        notion.ErrorRate = 0.155;
        notion.DropConnectionRate = 0.02;
        notion.LostResponseRate = 0.02;
        notion.TimeoutRate = 0.005;
        notion.TimeoutStall = TimeSpan.FromSeconds(3);
        Sheets.Faults.Seed(seed);
        Sheets.Faults.ErrorRate = 0.16;
        Sheets.Faults.DropRate = 0.04;
    }

    public void ClearFaults()
    {
        Notion.Emulator.Faults.Clear();
        Sheets.Faults.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _sheetsServices.DisposeAsync();
        await Sheets.DisposeAsync();
        await Notion.DisposeAsync();
    }
}
