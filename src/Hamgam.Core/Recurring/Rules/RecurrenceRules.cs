using Hamgam.Core.Time;

namespace Hamgam.Core.Recurring;

/// <summary>
/// When a recurring-task template (Is Recurring + Recurring Type) is due. Days are the user's calendar
/// days (from <see cref="UserClock.Today"/>), never UTC dates. A template yields at most one instance per
/// due day; deduplicating against instances already created is the caller's job.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Daily</b> (روزانه): every day.</item>
/// <item><b>Weekly</b> (هفتگی): the weekday of the template's Scheduled For (the anchor).</item>
/// <item><b>Monthly</b> (ماهانه): the anchor's day of month, clamped to the month's last day (an anchor on
/// the 31st is due on 28/29 February and 30 April).</item>
/// <item>The anchor starts the series: days before it are never due (a template scheduled for next
/// Monday starts then).</item>
/// <item>Weekly and Monthly need an anchor: with no Scheduled For they are never due. Daily without an
/// anchor is due every day.</item>
/// <item>An unknown, empty or null Recurring Type is never due. Type names: see <see cref="CadenceNames.TryParse"/>.</item>
/// </list>
/// </remarks>
public static class RecurrenceRules
{
    /// <summary>Whether the template is due on <paramref name="day"/>.</summary>
    /// <param name="recurringType">The template's Recurring Type, e.g. "Weekly" or "هفتگی".</param>
    /// <param name="templateScheduledFor">The template's Scheduled For date (the anchor), if any.</param>
    /// <param name="day">The user's calendar day.</param>
    public static bool IsDue(string? recurringType, DateOnly? templateScheduledFor, DateOnly day) =>
        CadenceNames.TryParse(recurringType, out var cadence) && IsDue(cadence, templateScheduledFor, day);

    /// <summary>The due days between two days, both inclusive, ascending; empty when the range is empty.</summary>
    public static IEnumerable<DateOnly> DueDays(string? recurringType, DateOnly? anchor, DateOnly fromInclusive, DateOnly toInclusive)
    {
        if (!CadenceNames.TryParse(recurringType, out var cadence))
        {
            return [];
        }

        return DueDaysIterator(cadence, anchor, fromInclusive, toInclusive);
    }

    private static IEnumerable<DateOnly> DueDaysIterator(Cadence cadence, DateOnly? anchor, DateOnly from, DateOnly to)
    {
        if (anchor is DateOnly start && start > from)
        {
            from = start;
        }

        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (IsDue(cadence, anchor, day))
            {
                yield return day;
            }

            if (day == DateOnly.MaxValue)
            {
                yield break;
            }
        }
    }

    private static bool IsDue(Cadence cadence, DateOnly? anchor, DateOnly day)
    {
        if (anchor is DateOnly start && day < start)
        {
            return false;
        }

        return cadence switch
        {
            Cadence.Daily => true,
            Cadence.Weekly => anchor is DateOnly a && day.DayOfWeek == a.DayOfWeek,
            Cadence.Monthly => anchor is DateOnly a && day.Day == Math.Min(a.Day, DateTime.DaysInMonth(day.Year, day.Month)),
            _ => false,
        };
    }
}
