using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Emulators;
using Hamgam.Emulators.Notion;
using Hamgam.Emulators.Sheets;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.IntegrationTests.Faults;

/// <summary>What a child process is asked to do.</summary>
public enum FaultOperation
{
    Push,
    Pull,
    PullFull,
    Sync,
    Backup,
}

/// <summary>Kill the process when the emulator has served its <paramref name="Request"/>-th request of this run, at once or after a short delay.</summary>
internal sealed record KillPlan(int Request, TimeSpan Delay);

/// <summary>How a run ended: its exit code, whether the kill landed, the request it landed on, and the requests it made.</summary>
internal sealed record RunOutcome(int Exit, bool Killed, EmulatorRequest? KilledAfter, long NotionRequests, long SheetsRequests, string Output);

/// <summary>
/// A real database, the Notion emulator with Hamgam's four databases and the Sheets emulator with one spreadsheet, all in
/// this process; Hamgam runs as child processes configured through the environment, and is SIGKILLed from the emulator's
/// request hook: at the k-th request, after the emulator applied it and before the answer is written.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private readonly string _keyFolder = Directory.CreateTempSubdirectory("hamgam-faults-").FullName;
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private Armed? _armed;

    public TestDatabase Db { get; private set; } = null!;

    public NotionEmulator Notion { get; private set; } = null!;

    public HamgamNotionDatabases Databases { get; private set; } = null!;

    public SheetsEmulator Sheets { get; private set; } = null!;

    public string SpreadsheetId { get; private set; } = "";

    /// <summary>Contexts stamped with the real clock, as the child processes stamp theirs.</summary>
    public IDbContextFactory<HamgamDb> Factory { get; private set; } = null!;

    /// <summary>Dashboard edits made from the test (row and outbox entry in one transaction, as the app does).</summary>
    public LocalChanges Changes { get; private set; } = null!;

    public static async Task<FaultRig> CreateAsync(DatabaseProvider provider)
    {
        var rig = new FaultRig { Db = await TestDatabase.CreateAsync(provider) };
        rig.Factory = new SystemClockFactory(rig.Db);
        rig.Changes = new LocalChanges(rig.Factory, TimeProvider.System);
        rig.Notion = await NotionEmulator.StartAsync(new NotionEmulatorOptions { RateLimitEnabled = false });
        rig.Databases = HamgamSampleSchemas.CreateDatabases(rig.Notion.Workspace);
        rig.Sheets = await SheetsEmulator.StartAsync(new SheetsEmulatorOptions());
        rig.SpreadsheetId = rig.Sheets.Spreadsheets.CreateSpreadsheet(title: "پشتیبان");
        var keyFile = Path.Combine(rig._keyFolder, "key.json");
        await File.WriteAllTextAsync(keyFile, rig.Sheets.CreateServiceAccountKeyJson());
        rig.Notion.State.RequestServed = r => rig.Served(FaultTarget.Notion, r);
        rig.Sheets.RequestServed = r => rig.Served(FaultTarget.Sheets, r);
        var e = rig._environment;
        e["Database__Provider"] = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        // A loaded machine can be slow to open a connection: the children wait longer than Npgsql's 15 s default.
        e["ConnectionStrings__Hamgam"] = provider == DatabaseProvider.Sqlite
            ? rig.Db.ConnectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(rig.Db.ConnectionString) { Timeout = 60, CommandTimeout = 120 }.ToString();
        e["Notion__BaseUrl"] = rig.Notion.BaseUrl.ToString();
        e["Notion__Token"] = rig.Notion.Options.Token;
        e["Notion__RequestsPerSecond"] = "200";
        e["Notion__Databases__Tasks"] = rig.Databases.Tasks.DatabaseId;
        e["Notion__Databases__Projects"] = rig.Databases.Projects.DatabaseId;
        e["Notion__Databases__Habits"] = rig.Databases.Habits.DataSourceId;
        e["Notion__Databases__DailyLogs"] = rig.Databases.DailyLogs.DatabaseId;
        e["Sheets__BaseUrl"] = rig.Sheets.BaseUrl.ToString();
        e["Sheets__SpreadsheetId"] = rig.SpreadsheetId;
        e["Sheets__CredentialsFile"] = keyFile;
        e["Sheets__TaskWindowDays"] = "36500";
        e["Sheets__DailyLogWindowDays"] = "36500";
        e["Demo__Enabled"] = "false";
        e["Logging__LogLevel__Default"] = "Warning";
        return rig;
    }

    /// <summary>Runs one verb in a child process; with a plan, kills it at that request if the run gets that far.</summary>
    public async Task<RunOutcome> RunAsync(FaultOperation operation, KillPlan? plan = null)
    {
        var (notionBefore, sheetsBefore) = (Notion.RequestCount, Sheets.RequestCount);
        using var verb = VerbProcess.Start(_environment, Arguments(operation));
        var target = operation == FaultOperation.Backup ? FaultTarget.Sheets : FaultTarget.Notion;
        var armed = plan is null ? null : new Armed(verb, target, (target == FaultTarget.Notion ? notionBefore : sheetsBefore) + plan.Request, plan.Delay);
        Volatile.Write(ref _armed, armed);
        var exit = await verb.WaitAsync(RunTimeout);
        Volatile.Write(ref _armed, null);
        return new RunOutcome(exit, verb.Killed, armed?.Served, Notion.RequestCount - notionBefore, Sheets.RequestCount - sheetsBefore, verb.Output);
    }

    /// <summary>The sync-log rows still marked running: those of a killed process, until the next run of their type closes them.</summary>
    public async Task<List<SyncRun>> RunningAsync()
    {
        await using var db = Db.CreateContext();
        return await db.SyncLog.AsNoTracking().Where(r => r.Status == SyncRunStatus.Running).OrderBy(r => r.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Notion.State.RequestServed = null;
        Sheets.RequestServed = null;
        await Sheets.DisposeAsync();
        await Notion.DisposeAsync();
        await Db.DisposeAsync();
        Directory.Delete(_keyFolder, recursive: true);
    }

    private static string[] Arguments(FaultOperation operation) => operation switch
    {
        FaultOperation.Push => ["sync", "--push"],
        FaultOperation.Pull => ["sync", "--pull"],
        FaultOperation.PullFull => ["sync", "--pull", "--full"],
        FaultOperation.Sync => ["sync"],
        _ => ["backup"],
    };

    private void Served(FaultTarget target, EmulatorRequest request)
    {
        if (Volatile.Read(ref _armed) is not { } armed || armed.Target != target || request.Count != armed.At)
        {
            return;
        }

        armed.Served = request;
        if (armed.Delay <= TimeSpan.Zero)
        {
            // On the emulator's request thread: the change is applied, the answer not yet written, and the client is gone.
            armed.Verb.Kill();
            return;
        }

        // A moment later: the answer is on its way, and the kill lands in the client's own work (saving, the next request).
        _ = Task.Run(async () =>
        {
            await Task.Delay(armed.Delay);
            armed.Verb.Kill();
        });
    }

    private enum FaultTarget
    {
        Notion,
        Sheets,
    }

    private sealed class Armed(VerbProcess verb, FaultTarget target, long at, TimeSpan delay)
    {
        public VerbProcess Verb { get; } = verb;

        public FaultTarget Target { get; } = target;

        public long At { get; } = at;

        public TimeSpan Delay { get; } = delay;

        public EmulatorRequest? Served { get; set; }
    }

    private sealed class SystemClockFactory(TestDatabase db) : IDbContextFactory<HamgamDb>
    {
        public HamgamDb CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<HamgamDb>();
            HamgamDbSetup.Configure(builder, db.Provider, db.ConnectionString);
            builder.AddInterceptors(new AuditInterceptor(TimeProvider.System));
            return new HamgamDb(builder.Options);
        }
    }
}
