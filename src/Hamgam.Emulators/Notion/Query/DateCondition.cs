using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Notion.Query;

/// <summary>Date and timestamp filter conditions, compared at minute precision as the recordings show.</summary>
internal static class DateCondition
{
    private static readonly HashSet<string> Comparisons = ["equals", "before", "after", "on_or_before", "on_or_after"];
    private static readonly HashSet<string> Periods = ["past_week", "past_month", "past_year", "next_week", "next_month", "next_year", "this_week"];

    public static Func<DateTimeOffset?, bool> Compile(JsonObject condition, string path, DateTimeOffset now)
    {
        if (condition.Count != 1)
        {
            throw NotionApiException.Body(path, "an object with exactly one condition", condition.ToJsonString());
        }
        var (op, operand) = condition.First();
        if (op == "is_empty")
        {
            return v => v is null;
        }
        if (op == "is_not_empty")
        {
            return v => v is not null;
        }
        if (Periods.Contains(op))
        {
            var (from, to) = Period(op, now);
            return v => v is { } t && t >= from && t <= to;
        }
        if (!Comparisons.Contains(op))
        {
            throw NotionApiException.Validation($"body failed validation: {path}.{op} should be not present, instead was `{operand?.ToJsonString()}`.");
        }
        var (start, end, dateOnly) = Operand(operand, $"{path}.{op}", now);
        return op switch
        {
            "equals" => dateOnly ? v => v is { } t && t >= start && t < end : v => v is { } t && Floor(t) == start,
            "before" => v => v is { } t && Floor(t) < start,
            "after" => dateOnly ? v => v is { } t && t >= end : v => v is { } t && Floor(t) > start,
            "on_or_before" => dateOnly ? v => v is { } t && t < end : v => v is { } t && Floor(t) <= start,
            _ => v => v is { } t && Floor(t) >= start,
        };
    }

    private static DateTimeOffset Floor(DateTimeOffset t) => NotionTime.FloorToMinute(t.ToUniversalTime());

    private static (DateTimeOffset Start, DateTimeOffset End, bool DateOnly) Operand(JsonNode? operand, string path, DateTimeOffset now)
    {
        var text = operand is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        DateTimeOffset? relative = text switch
        {
            "today" => today,
            "tomorrow" => today.AddDays(1),
            "yesterday" => today.AddDays(-1),
            "one_week_ago" => now.AddDays(-7),
            "one_week_from_now" => now.AddDays(7),
            "one_month_ago" => now.AddMonths(-1),
            "one_month_from_now" => now.AddMonths(1),
            _ => null,
        };
        if (relative is { } r)
        {
            var dayOnly = text is "today" or "tomorrow" or "yesterday";
            return dayOnly ? (r, r.AddDays(1), true) : (Floor(r), Floor(r), false);
        }
        if (text is null || !NotionTime.TryParse(text, out var parsed, out var dateOnly, out _))
        {
            throw NotionApiException.Body(path, "a valid ISO 8601 date string", operand?.ToJsonString() ?? "undefined");
        }
        return dateOnly ? (parsed, parsed.AddDays(1), true) : (Floor(parsed), Floor(parsed), false);
    }

    private static (DateTimeOffset From, DateTimeOffset To) Period(string op, DateTimeOffset now) => op switch
    {
        "past_week" => (now.AddDays(-7), now),
        "past_month" => (now.AddMonths(-1), now),
        "past_year" => (now.AddYears(-1), now),
        "next_week" => (now, now.AddDays(7)),
        "next_month" => (now, now.AddMonths(1)),
        "next_year" => (now, now.AddYears(1)),
        _ => ThisWeek(now),
    };

    private static (DateTimeOffset, DateTimeOffset) ThisWeek(DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-(int)now.UtcDateTime.DayOfWeek);
        return (start, start.AddDays(7).AddTicks(-1));
    }
}
