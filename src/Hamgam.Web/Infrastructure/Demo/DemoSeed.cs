using System.Globalization;
using System.Text.Json.Nodes;
using Hamgam.Core.Time;
using Hamgam.Emulators.Notion;

namespace Hamgam.Web.Infrastructure.Demo;

/// <summary>
/// The Persian sample workspace: 6 projects, 60 tasks across statuses, contexts, energy levels and quick wins (half of
/// them in a project), 8 habits with counters and streaks, and 30 daily logs ending today. Dates are around
/// <c>today</c>; done tasks were completed in the last week, so the default pull scope brings in every task.
/// </summary>
internal static class DemoSeed
{
    public const int TaskCount = 60;

    public static HamgamNotionDatabases Seed(NotionWorkspace workspace, DateOnly today)
    {
        var dbs = HamgamSampleSchemas.CreateDatabases(workspace);
        var projects = DemoSamples.Projects.Select((p, i) => (string)workspace.CreatePage(dbs.Projects.DataSourceId, new JsonObject
        {
            ["Name"] = Title(p.Name),
            ["Status"] = Status(p.Status),
            ["Area"] = Select(p.Area),
            ["Priority"] = Select(DemoSamples.Levels[i % 3]),
            ["Start Date"] = Date(today.AddDays(-20 - (i * 7))),
            ["Target Date"] = Date(today.AddDays(15 + (i * 10))),
            ["Vision/Why"] = Text(p.Vision),
        })["id"]!).ToList();
        for (var i = 0; i < TaskCount; i++)
        {
            workspace.CreatePage(dbs.Tasks.DataSourceId, TaskProperties(i, today, projects));
        }

        for (var i = 0; i < DemoSamples.Habits.Length; i++)
        {
            var (name, type, category, trigger) = DemoSamples.Habits[i];
            var streak = (i * 3 % 11) + 1;
            workspace.CreatePage(dbs.Habits.DataSourceId, new JsonObject
            {
                ["Habit Name"] = Title(name),
                ["Type"] = Select(type),
                ["Category"] = Select(category),
                ["Status"] = Status("🎯 Active"),
                ["Frequency"] = Select(i == 5 ? "Weekly" : "Daily"),
                ["Counter"] = Number(streak + 10 + (i * 4)),
                ["Streak"] = Number(streak),
                ["Best Streak"] = Number(streak + 5 + i),
                ["Related Trigger"] = Text(trigger),
            });
        }

        for (var day = 29; day >= 0; day--)
        {
            workspace.CreatePage(dbs.DailyLogs.DataSourceId, DailyLogProperties(today.AddDays(-day), day));
        }

        return dbs;
    }

    private static JsonObject TaskProperties(int i, DateOnly today, List<string> projects)
    {
        var status = i % 3 == 2 ? "Done" : i % 4 == 1 ? "In progress" : "Not started";
        var properties = new JsonObject
        {
            ["Name"] = Title(DemoSamples.Tasks[i]),
            ["Status"] = Status(status),
            ["Context"] = MultiSelect(DemoSamples.Contexts[i % DemoSamples.Contexts.Length]),
            ["Energy Level"] = Select(DemoSamples.Levels[i % 3]),
            ["Importance"] = Select(DemoSamples.Levels[i / 3 % 3]),
            ["Urgency"] = Select(DemoSamples.Levels[(i + 1) % 3]),
            ["Estimated Time"] = Select(DemoSamples.Estimates[i % DemoSamples.Estimates.Length]),
            ["Quick Win"] = new JsonObject { ["checkbox"] = i % 4 == 0 },
            ["Tags"] = MultiSelect(DemoSamples.Tags[i % DemoSamples.Tags.Length]),
            ["Category"] = Select(DemoSamples.Categories[i % DemoSamples.Categories.Length]),
            ["Type"] = Select(i % 10 == 7 ? "Idea" : i % 10 == 9 ? "Note" : "Task"),
        };
        if (i % 5 != 4)
        {
            properties["Due Date"] = Date(today.AddDays((i % 17) - 3));
        }

        if (i % 6 == 0 || i % 7 == 0)
        {
            properties["Scheduled For"] = Date(today);
        }

        if (status == "Done")
        {
            properties["Completed Date"] = Date(today.AddDays(-(i % 6)));
        }

        if (i % 2 == 0)
        {
            properties["Related Project"] = new JsonObject { ["relation"] = new JsonArray(new JsonObject { ["id"] = projects[i / 2 % projects.Count] }) };
        }

        if (i is 10 or 33)
        {
            properties["Is Recurring"] = new JsonObject { ["checkbox"] = true };
            properties["Recurring Type"] = Select(i == 10 ? "Daily" : "Weekly");
        }

        if (i % 8 == 3)
        {
            properties["Notes"] = Text("یادداشت: قبل از شروع، فهرست کارهای لازم را مرور کن. 📝");
        }

        return properties;
    }

    private static JsonObject DailyLogProperties(DateOnly date, int daysAgo)
    {
        var moods = new[] { "😀", "🙂", "😐", "🙂", "🙁", "😀", "🙂" };
        return new JsonObject
        {
            ["Name"] = Title("گزارش " + SolarHijri.FormatDate(date)),
            ["Date"] = Date(date),
            ["Mood"] = Select(moods[daysAgo % moods.Length]),
            ["Energy"] = Number(4 + ((daysAgo * 7) % 6)),
            ["Top Win"] = Text(DemoSamples.Wins[daysAgo % DemoSamples.Wins.Length]),
            ["Main Obstacle"] = Text(DemoSamples.Obstacles[daysAgo % DemoSamples.Obstacles.Length]),
            ["Techniques Used"] = Text(daysAgo % 2 == 0 ? "پومودورو" : "قانون دو دقیقه"),
            ["Reflection"] = Text("روز " + (daysAgo % 3 == 0 ? "پرباری" : "معمولی") + " بود؛ فردا با کار مهم شروع می‌کنم."),
            ["Good Habits"] = Text("ورزش صبحگاهی، مطالعه"),
            ["Bad Habits"] = Text(daysAgo % 4 == 0 ? "شبکه‌های اجتماعی پیش از خواب" : ""),
        };
    }

    private static JsonObject Title(string text) => new() { ["title"] = RichText(text) };

    private static JsonObject Text(string text) => new() { ["rich_text"] = text.Length == 0 ? new JsonArray() : RichText(text) };

    private static JsonArray RichText(string text) => new(new JsonObject { ["text"] = new JsonObject { ["content"] = text } });

    private static JsonObject Select(string name) => new() { ["select"] = new JsonObject { ["name"] = name } };

    private static JsonObject Status(string name) => new() { ["status"] = new JsonObject { ["name"] = name } };

    private static JsonObject MultiSelect(string[] names) =>
        new() { ["multi_select"] = new JsonArray(names.Select(n => (JsonNode)new JsonObject { ["name"] = n }).ToArray()) };

    private static JsonObject Date(DateOnly date) =>
        new() { ["date"] = new JsonObject { ["start"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } };

    private static JsonObject Number(double value) => new() { ["number"] = value };
}
