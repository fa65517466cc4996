using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace Hamgam.Web.Infrastructure;

/// <summary>
/// Honours the seed's environment variable names (NOTION_API_KEY, NOTION_TASKS_DB_ID, …) and its
/// <c>config/sheets.json</c>. They rank just below Hamgam's own <c>Section__Key</c> variables, so those win when both are set.
/// </summary>
public static class SeedEnvironment
{
    private static readonly (string Variable, string Key)[] Names =
    [
        ("NOTION_API_KEY", "Notion:Token"),
        ("NOTION_TASKS_DB_ID", "Notion:Databases:Tasks"),
        ("NOTION_PROJECTS_DB_ID", "Notion:Databases:Projects"),
        ("NOTION_HABITS_DB_ID", "Notion:Databases:Habits"),
        ("NOTION_DAILY_LOGS_DB_ID", "Notion:Databases:DailyLogs"),
        ("GOOGLE_SHEETS_CREDENTIALS", "Sheets:CredentialsFile"),
        ("APP_URL", "App:Url"),
    ];

    public static void Add(IConfigurationBuilder configuration, string contentRoot)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in Names)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                values[key] = value;
            }
        }

        var sheetsJson = Path.Combine(contentRoot, "config", "sheets.json");
        if (File.Exists(sheetsJson))
        {
            using var stream = File.OpenRead(sheetsJson);
            using var document = System.Text.Json.JsonDocument.Parse(stream);
            if (document.RootElement.TryGetProperty("spreadsheetId", out var id) && id.GetString() is { Length: > 0 } spreadsheetId)
            {
                values["Sheets:SpreadsheetId"] = spreadsheetId;
            }
        }

        var source = new MemoryConfigurationSource { InitialData = values };
        var envIndex = configuration.Sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (envIndex < 0)
        {
            configuration.Sources.Add(source);
        }
        else
        {
            configuration.Sources.Insert(envIndex, source);
        }
    }
}
