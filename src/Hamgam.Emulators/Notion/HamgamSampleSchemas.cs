using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Notion;

/// <summary>The ids of Hamgam's four databases (and their data sources) in an emulated workspace.</summary>
public sealed record HamgamNotionDatabases(NotionDatabaseIds Tasks, NotionDatabaseIds Projects, NotionDatabaseIds Habits, NotionDatabaseIds DailyLogs);

/// <summary>Creates Hamgam's four databases with their default property names (PRODUCT.md), for tests and demo mode.</summary>
public static class HamgamSampleSchemas
{
    /// <param name="statusAsStatusType">Use Notion's status type for Status (true) or a select (false); Hamgam supports both.</param>
    public static HamgamNotionDatabases CreateDatabases(NotionWorkspace workspace, bool statusAsStatusType = true)
    {
        var projects = workspace.CreateDatabase("Projects", new JsonObject
        {
            ["Name"] = Type("title"),
            ["Status"] = Status(statusAsStatusType, "Active", "On Hold", "Completed"),
            ["Area"] = Select("Work", "Personal", "Health", "Learning"),
            ["Priority"] = Select("High", "Medium", "Low"),
            ["Start Date"] = Type("date"),
            ["Target Date"] = Type("date"),
            ["Vision/Why"] = Type("rich_text"),
        });
        var tasks = workspace.CreateDatabase("Tasks", new JsonObject
        {
            ["Name"] = Type("title"),
            ["Status"] = Status(statusAsStatusType, "Not started", "In progress", "Done"),
            ["Context"] = Type("multi_select"),
            ["Energy Level"] = Select("High", "Medium", "Low"),
            ["Importance"] = Select("High", "Medium", "Low"),
            ["Urgency"] = Select("High", "Medium", "Low"),
            ["Estimated Time"] = Select("5 min", "15 min", "30 min", "1 hour", "2+ hours"),
            ["Due Date"] = Type("date"),
            ["Scheduled For"] = Type("date"),
            ["Completed Date"] = Type("date"),
            ["Quick Win"] = Type("checkbox"),
            ["Tags"] = Type("multi_select"),
            ["Category"] = Type("select"),
            ["Type"] = Select("Task", "Idea", "Note"),
            ["Notes"] = Type("rich_text"),
            ["Is Recurring"] = Type("checkbox"),
            ["Recurring Type"] = Select("Daily", "Weekly", "Monthly"),
            ["Related Project"] = new JsonObject
            {
                ["relation"] = new JsonObject { ["data_source_id"] = projects.DataSourceId, ["type"] = "dual_property", ["dual_property"] = new JsonObject() },
            },
        });
        var habits = workspace.CreateDatabase("Habits", new JsonObject
        {
            ["Habit Name"] = Type("title"),
            ["Type"] = Select("Good", "Bad"),
            ["Category"] = Type("select"),
            ["Status"] = Status(statusAsStatusType, "🎯 Active", "⏸️ Paused", "✅ Mastered"),
            ["Frequency"] = Select("Daily", "Weekly"),
            ["Counter"] = Type("number"),
            ["Streak"] = Type("number"),
            ["Best Streak"] = Type("number"),
            ["Related Trigger"] = Type("rich_text"),
        });
        var dailyLogs = workspace.CreateDatabase("Daily Logs", DailyLogProperties());
        return new HamgamNotionDatabases(tasks, projects, habits, dailyLogs);
    }

    private static JsonObject DailyLogProperties()
    {
        var properties = new JsonObject
        {
            ["Name"] = Type("title"),
            ["Date"] = Type("date"),
            ["Mood"] = Select("😀", "🙂", "😐", "🙁", "😞"),
            ["Energy"] = Type("number"),
        };
        foreach (var name in new[] { "Top Win", "Main Obstacle", "Techniques Suggested", "Reflection", "Techniques Used", "Bad Habits", "Good Habits", "Desires", "Daily Report" })
        {
            properties[name] = Type("rich_text");
        }
        return properties;
    }

    private static JsonObject Type(string type) => new() { [type] = new JsonObject() };

    private static JsonObject Select(params string[] names) => new()
    {
        ["select"] = new JsonObject { ["options"] = Options(names) },
    };

    private static JsonObject Status(bool asStatus, params string[] names) => asStatus
        ? new JsonObject { ["status"] = new JsonObject { ["options"] = Options(names) } }
        : Select(names);

    private static JsonArray Options(string[] names) => new(names.Select(n => (JsonNode)new JsonObject { ["name"] = n }).ToArray());
}
