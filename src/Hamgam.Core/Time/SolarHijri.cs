using System.Globalization;
using System.Text;

namespace Hamgam.Core.Time;

/// <summary>
/// Solar Hijri (Persian, Jalali) dates for display and parsing, using
/// <see cref="PersianCalendar"/>: 2025-03-21 is 1404/01/01. Formats are <c>yyyy/MM/dd</c> and
/// <c>yyyy/MM/dd HH:mm</c>, with Persian digits (۰۱۲۳۴۵۶۷۸۹) unless asked otherwise.
/// </summary>
public static class SolarHijri
{
    private const char PersianZero = '\u06F0';
    private const char ArabicIndicZero = '\u0660';
    private static readonly PersianCalendar Calendar = new();

    /// <summary>The Solar Hijri year, month (1–12) and day (1–31) of a Gregorian date.</summary>
    public static (int Year, int Month, int Day) ToSolarHijri(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return (Calendar.GetYear(dateTime), Calendar.GetMonth(dateTime), Calendar.GetDayOfMonth(dateTime));
    }

    /// <summary>The Gregorian date of a Solar Hijri date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The Solar Hijri date does not exist (e.g. 1404/12/30).</exception>
    public static DateOnly FromSolarHijri(int year, int month, int day) =>
        DateOnly.FromDateTime(Calendar.ToDateTime(year, month, day, 0, 0, 0, 0));

    /// <summary>Whether a Solar Hijri year is a leap year (its Esfand has 30 days), e.g. 1403.</summary>
    public static bool IsLeapYear(int year) => Calendar.IsLeapYear(year);

    /// <summary>Formats a date as Solar Hijri <c>yyyy/MM/dd</c>, e.g. <c>۱۴۰۴/۰۱/۰۱</c>.</summary>
    public static string FormatDate(DateOnly date, bool persianDigits = true)
    {
        var (year, month, day) = ToSolarHijri(date);
        var text = string.Create(CultureInfo.InvariantCulture, $"{year:D4}/{month:D2}/{day:D2}");
        return persianDigits ? ToPersianDigits(text) : text;
    }

    /// <summary>
    /// Formats the calendar date of <paramref name="value"/> as it reads in its own offset. To show an
    /// instant on the user's calendar, use <see cref="FormatDate(DateTimeOffset, TimeZoneInfo, bool)"/>.
    /// </summary>
    public static string FormatDate(DateTimeOffset value, bool persianDigits = true) =>
        FormatDate(DateOnly.FromDateTime(value.DateTime), persianDigits);

    /// <summary>Formats the date on which <paramref name="instant"/> falls in <paramref name="zone"/>.</summary>
    public static string FormatDate(DateTimeOffset instant, TimeZoneInfo zone, bool persianDigits = true) =>
        FormatDate(TimeZoneInfo.ConvertTime(instant, zone), persianDigits);

    /// <summary>Formats an instant in <paramref name="zone"/> as <c>yyyy/MM/dd HH:mm</c> (24-hour clock).</summary>
    public static string FormatDateTime(DateTimeOffset instant, TimeZoneInfo zone, bool persianDigits = true)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{FormatDate(local, persianDigits: false)} {local.Hour:D2}:{local.Minute:D2}");
        return persianDigits ? ToPersianDigits(text) : text;
    }

    /// <summary>Replaces ASCII and Arabic-Indic digits with Persian digits (۰–۹); other characters are kept.</summary>
    public static string ToPersianDigits(string text) => MapDigits(text, PersianZero);

    /// <summary>Replaces Persian and Arabic-Indic digits with ASCII digits (0–9), e.g. before parsing user input.</summary>
    public static string ToLatinDigits(string text) => MapDigits(text, '0');

    private static string MapDigits(string text, char zero)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(DigitValue(c) is int digit ? (char)(zero + digit) : c);
        }

        return builder.ToString();
    }

    private static int? DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= PersianZero and <= (char)(PersianZero + 9) => c - PersianZero,
        >= ArabicIndicZero and <= (char)(ArabicIndicZero + 9) => c - ArabicIndicZero,
        _ => null,
    };
}
