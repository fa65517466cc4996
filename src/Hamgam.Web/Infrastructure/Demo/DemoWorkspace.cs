using Hamgam.Core.Data;
using Hamgam.Core.Time;
using Hamgam.Emulators.Notion;
using Hamgam.Emulators.Sheets;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Demo;

/// <summary>The running demo: the two emulators, the ids of the four databases and the spreadsheet, the key file.</summary>
public sealed record DemoEndpoints(NotionEmulator Notion, HamgamNotionDatabases Databases, SheetsEmulator Sheets, string SpreadsheetId, string KeyFile);

/// <summary>
/// Demo mode: with no Notion token configured (and <c>Demo:Enabled</c> not false), the Notion and Sheets emulators run
/// in-process on free loopback ports, their state kept in <c>&lt;data folder&gt;/demo</c>, seeded with a Persian sample
/// workspace when empty. They start on first use (the first read of the Notion or Sheets options), so nothing runs
/// when a real workspace is configured. The Notion emulator limits requests like Notion does (3 per second, bursts of 10).
/// </summary>
public sealed class DemoWorkspace(IConfiguration configuration, IOptions<DatabaseOptions> database, UserClock clock, TimeProvider time) : IAsyncDisposable
{
    public const string SpreadsheetTitle = "Hamgam backup (پشتیبان همگام)";

    private readonly Lock _gate = new();
    private DemoEndpoints? _endpoints;

    /// <summary>
    /// True when Hamgam runs its demo: no Notion token, demo mode not switched off, and Hamgam listening on loopback only
    /// (the demo lets a visitor in without the key, so it never runs where others can reach it).
    /// </summary>
    public bool IsActive { get; } = IsDemo(configuration);

    /// <summary>Where the emulators keep their state.</summary>
    public string Folder => Path.Combine(database.Value.ResolveDataDirectory(), "demo");

    /// <summary>The emulators, started (and seeded when empty) on first use. Only call when <see cref="IsActive"/>.</summary>
    public DemoEndpoints Endpoints
    {
        get
        {
            lock (_gate)
            {
                // Options are configured synchronously, so the start happens here once, on a thread-pool thread.
                return _endpoints ??= Task.Run(StartAsync).GetAwaiter().GetResult();
            }
        }
    }

    public static bool IsDemo(IConfiguration configuration) =>
        IsRequested(configuration) && Security.LoopbackBinding.IsLoopbackOnly(configuration);

    /// <summary>No Notion token and demo mode not switched off (whatever the binding).</summary>
    public static bool IsRequested(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["Notion:Token"])
        && !string.Equals(configuration["Demo:Enabled"], "false", StringComparison.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        if (_endpoints is { } running)
        {
            await running.Sheets.DisposeAsync();
            await running.Notion.DisposeAsync();
        }
    }

    private async Task<DemoEndpoints> StartAsync()
    {
        Directory.CreateDirectory(Folder);
        var notion = await NotionEmulator.StartAsync(new NotionEmulatorOptions
        {
            PersistPath = Path.Combine(Folder, "notion.json"),
            Clock = time,
            RateLimitEnabled = true,
            RequestsPerSecond = 3,
            Burst = 10,
            WorkspaceName = "همگام (نمایشی)",
        });
        var sheets = await SheetsEmulator.StartAsync(new SheetsEmulatorOptions { PersistPath = Path.Combine(Folder, "sheets.json"), Clock = time });
        var databases = FindDatabases(notion.Workspace) ?? DemoSeed.Seed(notion.Workspace, clock.Today);
        var spreadsheetId = sheets.Spreadsheets.SpreadsheetIds is [var saved, ..]
            ? saved
            : sheets.Spreadsheets.CreateSpreadsheet(title: SpreadsheetTitle);
        // The emulator trusts only keys it issued since it started, so every start writes a fresh one.
        var keyFile = Path.Combine(Folder, "sheets-key.json");
        await DataFolder.WriteSecretAsync(keyFile, sheets.CreateServiceAccountKeyJson(), CancellationToken.None);
        return new DemoEndpoints(notion, databases, sheets, spreadsheetId, keyFile);
    }

    private static HamgamNotionDatabases? FindDatabases(NotionWorkspace workspace)
    {
        var sources = workspace.ListDataSources();
        NotionDatabaseIds? Find(string title) =>
            sources.FirstOrDefault(s => s.Title == title) is { } s ? new NotionDatabaseIds(s.DatabaseId, s.DataSourceId) : null;
        return (Find("Tasks"), Find("Projects"), Find("Habits"), Find("Daily Logs")) is ({ } t, { } p, { } h, { } d)
            ? new HamgamNotionDatabases(t, p, h, d)
            : null;
    }
}
