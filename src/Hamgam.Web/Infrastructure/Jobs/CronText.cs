using Cronos;

namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>The outcome of checking a schedule typed by the user: usable (a cron expression or off) or why not, in both languages.</summary>
public sealed record CronCheck(bool Ok, bool Off, CronExpression? Expression, string? Persian, string? English)
{
    /// <summary>The next <paramref name="count"/> runs after <paramref name="from"/>, with days and hours of <paramref name="zone"/>.</summary>
    public IReadOnlyList<DateTimeOffset> NextRuns(DateTimeOffset from, TimeZoneInfo zone, int count = 3)
    {
        var runs = new List<DateTimeOffset>();
        var at = from;
        while (Expression is not null && runs.Count < count && Expression.GetNextOccurrence(at, zone) is { } next)
        {
            runs.Add(next);
            at = next;
        }

        return runs;
    }
}

/// <summary>
/// Schedules as the job engine reads them: five fields (minute hour day month weekday), six with seconds first, the
/// macros (<c>@hourly</c>, <c>@daily</c>, …), or <c>off</c>. Parsed by Cronos, whose copy the engine embeds.
/// </summary>
public static class CronText
{
    public const string Off = Core.Settings.SettingsStore.Off;

    private const string ExamplesFa = "نمونه‌ها: ‎*/5 * * * *‎ (هر ۵ دقیقه)، ‎0 * * * *‎ (هر ساعت)، ‎0 0 * * *‎ (هر نیمه‌شب)، یا off برای خاموش.";
    private const string ExamplesEn = "Examples: \"*/5 * * * *\" (every 5 minutes), \"0 * * * *\" (hourly), \"0 0 * * *\" (every midnight), or \"off\".";

    public static bool IsOff(string? text) => string.Equals(text?.Trim(), Off, StringComparison.OrdinalIgnoreCase);

    /// <summary>The format Hangfire parses with: seconds first when there are six fields.</summary>
    public static CronFormat FormatOf(string cron) =>
        cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;

    public static CronCheck Check(string? text, DateTimeOffset now, TimeZoneInfo zone)
    {
        var cron = text?.Trim() ?? "";
        if (cron.Length == 0)
        {
            return Fail("یک عبارت cron بنویسید. " + ExamplesFa, "Enter a cron expression. " + ExamplesEn);
        }

        if (IsOff(cron))
        {
            return new CronCheck(true, true, null, null, null);
        }

        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (!cron.StartsWith('@') && fields is not (5 or 6))
        {
            return Fail(
                $"«{cron}» {Core.Time.SolarHijri.ToPersianDigits(fields.ToString(System.Globalization.CultureInfo.InvariantCulture))} بخش دارد؛ cron پنج بخش می‌خواهد (دقیقه ساعت روز ماه روزِهفته)، یا شش بخش با ثانیه در آغاز. " + ExamplesFa,
                $"\"{cron}\" has {fields} field(s); a cron expression has five (minute hour day month weekday), or six with seconds first. " + ExamplesEn);
        }

        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(cron, FormatOf(cron));
        }
        catch (CronFormatException ex)
        {
            return Fail($"«{cron}» عبارت cron درستی نیست. " + ExamplesFa, $"\"{cron}\" is not a valid cron expression ({ex.Message}). " + ExamplesEn);
        }

        if (expression.GetNextOccurrence(now, zone) is null)
        {
            return Fail($"«{cron}» هرگز اجرا نمی‌شود (تاریخی که وجود ندارد؟).", $"\"{cron}\" never runs (a date that does not exist?).");
        }

        return new CronCheck(true, false, expression, null, null);
    }

    private static CronCheck Fail(string persian, string english) => new(false, false, null, persian, english);
}
