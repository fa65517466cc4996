using System.Text;
using Hamgam.Core.Data;
using Hamgam.Emulators.Notion;
using Hamgam.Emulators.Sheets;
using Hamgam.Testing;
using Hamgam.Web.Cli;

namespace Hamgam.IntegrationTests.Cli;

/// <summary>CLI tests redirect the process's Console, so they run one at a time, apart from every other test class.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "CLI";
}

/// <summary>
/// A database, a Notion emulator with Hamgam's four databases and a Sheets emulator with one spreadsheet, and a way to run
/// verbs in-process with their configuration as <c>--Key=Value</c> tokens, capturing what they print.
/// </summary>
internal sealed class CliHarness : IAsyncDisposable
{
    private readonly string _keyFolder = Directory.CreateTempSubdirectory("hamgam-cli-").FullName;

    public TestDatabase Db { get; private set; } = null!;

    public NotionEmulator Notion { get; private set; } = null!;

    public HamgamNotionDatabases Databases { get; private set; } = null!;

    public SheetsEmulator Sheets { get; private set; } = null!;

    public string SpreadsheetId { get; private set; } = "";

    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public static async Task<CliHarness> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var h = new CliHarness { Db = await TestDatabase.CreateAsync(provider) };
        h.Notion = await NotionEmulator.StartAsync(new NotionEmulatorOptions { RateLimitEnabled = false });
        h.Databases = HamgamSampleSchemas.CreateDatabases(h.Notion.Workspace);
        h.Sheets = await SheetsEmulator.StartAsync(new SheetsEmulatorOptions());
        h.SpreadsheetId = h.Sheets.Spreadsheets.CreateSpreadsheet(title: "پشتیبان");
        var keyFile = Path.Combine(h._keyFolder, "key.json");
        await File.WriteAllTextAsync(keyFile, h.Sheets.CreateServiceAccountKeyJson());
        h.Settings["Database:Provider"] = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        h.Settings["ConnectionStrings:Hamgam"] = h.Db.ConnectionString;
        h.Settings["Notion:BaseUrl"] = h.Notion.BaseUrl.ToString();
        h.Settings["Notion:Token"] = h.Notion.Options.Token;
        h.Settings["Notion:RequestsPerSecond"] = "200";
        h.Settings["Notion:Databases:Tasks"] = h.Databases.Tasks.DatabaseId;
        h.Settings["Notion:Databases:Projects"] = h.Databases.Projects.DatabaseId;
        h.Settings["Notion:Databases:Habits"] = h.Databases.Habits.DataSourceId;
        h.Settings["Notion:Databases:DailyLogs"] = h.Databases.DailyLogs.DatabaseId;
        h.Settings["Sheets:BaseUrl"] = h.Sheets.BaseUrl.ToString();
        h.Settings["Sheets:SpreadsheetId"] = h.SpreadsheetId;
        h.Settings["Sheets:CredentialsFile"] = keyFile;
        // The database stamps rows with its fake clock while the verbs run on real time: windows wide enough for both.
        h.Settings["Sheets:TaskWindowDays"] = "36500";
        h.Settings["Sheets:DailyLogWindowDays"] = "36500";
        return h;
    }

    /// <summary>Runs a verb with <see cref="Settings"/> appended as configuration tokens.</summary>
    public Task<(int Exit, string Output)> RunAsync(params string[] args) =>
        RunCliAsync([.. args, .. Settings.Select(s => $"--{s.Key}={s.Value}")]);

    public static async Task<(int Exit, string Output)> RunCliAsync(string[] args, CancellationToken cancellationToken = default)
    {
        using var capture = new ConsoleCapture();
        var exit = await HamgamCli.RunAsync(args, cancellationToken);
        return (exit, capture.Text);
    }

    public async ValueTask DisposeAsync()
    {
        await Sheets.DisposeAsync();
        await Notion.DisposeAsync();
        await Db.DisposeAsync();
        Directory.Delete(_keyFolder, recursive: true);
    }
}

/// <summary>Console.Out and Console.Error into one buffer for the life of the object; a test can wait for a line to appear.</summary>
internal sealed class ConsoleCapture : TextWriter
{
    private readonly TextWriter _out = Console.Out;
    private readonly TextWriter _error = Console.Error;
    private readonly StringBuilder _text = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];
    private readonly Lock _gate = new();

    public ConsoleCapture()
    {
        Console.SetOut(this);
        Console.SetError(this);
    }

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
            var text = _text.ToString();
            foreach (var waiter in _waiters.Where(w => text.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes once <paramref name="text"/> has been written.</summary>
    public Task WaitForAsync(string text)
    {
        lock (_gate)
        {
            if (_text.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
            return seen.Task;
        }
    }

    protected override void Dispose(bool disposing)
    {
        Console.SetOut(_out);
        Console.SetError(_error);
        base.Dispose(disposing);
    }
}
