using System.CommandLine;
using Hamgam.Emulators.Notion;
using Hamgam.Emulators.Sheets;

namespace Hamgam.Web.Cli;

/// <summary>
/// <c>hamgam emulate [--notion-port 5081] [--sheets-port 5082] [--data FILE]</c>: the Notion and Sheets emulators on loopback,
/// seeded with Hamgam's four databases and a spreadsheet when their state is empty, until Ctrl+C.
/// With <c>--data</c>, Notion's state lives in FILE and the Sheets state and key next to it.
/// </summary>
internal static class EmulateVerb
{
    /// <summary>The last line printed once both emulators are serving.</summary>
    public const string ReadyLine = "Emulators are running; press Ctrl+C to stop.";

    public static Command Create()
    {
        var notionPort = new Option<int>("--notion-port") { Description = "Loopback port of the Notion emulator (0 picks one).", DefaultValueFactory = _ => 5081 };
        var sheetsPort = new Option<int>("--sheets-port") { Description = "Loopback port of the Sheets emulator (0 picks one).", DefaultValueFactory = _ => 5082 };
        var data = new Option<string?>("--data") { Description = "Keep the emulated workspace in this JSON file (the spreadsheet goes next to it)." };
        var command = HamgamCli.Verb("emulate", "Run the Notion and Google Sheets emulators standalone, for trying Hamgam without accounts.");
        command.Options.Add(notionPort);
        command.Options.Add(sheetsPort);
        command.Options.Add(data);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(data) is { Length: > 0 } path ? Path.GetFullPath(path) : null;
            var stem = file is null ? null : Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file));
            if (file is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            }

            await using var notion = await NotionEmulator.StartAsync(
                new NotionEmulatorOptions { Port = parse.GetValue(notionPort), PersistPath = file }, cancellationToken);
            await using var sheets = await SheetsEmulator.StartAsync(
                new SheetsEmulatorOptions { Port = parse.GetValue(sheetsPort), PersistPath = stem is null ? null : stem + ".sheets.json" }, cancellationToken);
            var databases = FindOrCreateDatabases(notion.Workspace);
            var spreadsheetId = sheets.Spreadsheets.SpreadsheetIds is [var saved, ..]
                ? saved
                : sheets.Spreadsheets.CreateSpreadsheet(title: "Hamgam backup (پشتیبان همگام)");
            // The emulator only trusts keys it issued since it started, so each start writes a fresh one.
            var keyFile = (stem ?? Path.Combine(Directory.CreateTempSubdirectory("hamgam-emulate-").FullName, "hamgam")) + ".sheets-key.json";
            await Infrastructure.DataFolder.WriteSecretAsync(keyFile, sheets.CreateServiceAccountKeyJson(), cancellationToken);
            Print(notion, databases, sheets, spreadsheetId, keyFile, file);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping the emulators.");
            }

            return HamgamCli.Ok;
        });
        return command;
    }

    private static HamgamNotionDatabases FindOrCreateDatabases(NotionWorkspace workspace)
    {
        var sources = workspace.ListDataSources();
        if (sources.Count == 0)
        {
            return HamgamSampleSchemas.CreateDatabases(workspace);
        }

        NotionDatabaseIds Find(string title) => sources.FirstOrDefault(s => s.Title == title) is { } s
            ? new NotionDatabaseIds(s.DatabaseId, s.DataSourceId)
            : throw new InvalidOperationException($"The saved workspace has no \"{title}\" database; start with an empty --data file.");
        return new HamgamNotionDatabases(Find("Tasks"), Find("Projects"), Find("Habits"), Find("Daily Logs"));
    }

    private static void Print(NotionEmulator notion, HamgamNotionDatabases dbs, SheetsEmulator sheets, string spreadsheetId, string keyFile, string? file)
    {
        Console.WriteLine($"Notion emulator:  {notion.BaseUrl} (contents at {notion.BaseUrl}_emulator/notion, header {NotionEmulatorOptions.InspectionSecretHeader}: {notion.Options.InspectionSecret})");
        Console.WriteLine($"  Tasks {dbs.Tasks.DatabaseId}, Projects {dbs.Projects.DatabaseId}, Habits {dbs.Habits.DatabaseId}, Daily Logs {dbs.DailyLogs.DatabaseId}");
        Console.WriteLine($"Sheets emulator:  {sheets.BaseUrl} (contents at {sheets.BaseUrl}_emulator)");
        Console.WriteLine($"  spreadsheet {spreadsheetId}; service-account key written to {keyFile}");
        Console.WriteLine(file is null ? "State: in memory (use --data FILE to keep it)." : $"State: {file}");
        Console.WriteLine("Environment for Hamgam (paste into the shell that runs it):");
        foreach (var (name, value) in new[]
        {
            ("Notion__BaseUrl", notion.BaseUrl.ToString()), ("Notion__Token", notion.Options.Token),
            ("Notion__Databases__Tasks", dbs.Tasks.DatabaseId), ("Notion__Databases__Projects", dbs.Projects.DatabaseId),
            ("Notion__Databases__Habits", dbs.Habits.DatabaseId), ("Notion__Databases__DailyLogs", dbs.DailyLogs.DatabaseId),
            ("Sheets__BaseUrl", sheets.BaseUrl.ToString()), ("Sheets__SpreadsheetId", spreadsheetId), ("Sheets__CredentialsFile", keyFile),
        })
        {
            Console.WriteLine($"export {name}='{value}'");
        }

        Console.WriteLine(ReadyLine);
    }
}
