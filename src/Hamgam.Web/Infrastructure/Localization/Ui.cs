using System.Globalization;
using Hamgam.Core.Data;
using Hamgam.Core.Time;

namespace Hamgam.Web.Infrastructure.Localization;

/// <summary>
/// The language of one circuit: Persian (right-to-left, Solar Hijri, Persian digits) or English (left-to-right,
/// Gregorian). Strings sit next to the markup that shows them as <c>Ui.T("فارسی", "English")</c>.
/// </summary>
public sealed class Ui(UserClock clock, bool isPersian)
{
    /// <summary>The language of the current request or circuit (set by the culture cookie).</summary>
    public static Ui ForCurrentCulture(UserClock clock) =>
        new(clock, CultureInfo.CurrentUICulture.Name.StartsWith("fa", StringComparison.OrdinalIgnoreCase));

    public bool IsPersian => isPersian;

    public string Culture => IsPersian ? DashboardCulture.Persian : DashboardCulture.English;

    public string Direction => IsPersian ? "RTL" : "LTR";

    public string Dir => IsPersian ? "rtl" : "ltr";

    public UserClock Clock => clock;

    public DateOnly Today => clock.Today;

    public string T(string persian, string english) => IsPersian ? persian : english;

    /// <summary>A number with Persian digits and separators (٬ for thousands, ٫ for decimals) in Persian.</summary>
    public string N(double value)
    {
        var latin = value.ToString("#,0.##", CultureInfo.InvariantCulture);
        return IsPersian ? Digits(latin.Replace(',', '٬').Replace('.', '٫')) : latin;
    }

    public string Digits(string text) => IsPersian ? SolarHijri.ToPersianDigits(text) : text;

    public string Date(DateOnly date) =>
        IsPersian ? SolarHijri.FormatDate(date) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Date(FlexDate? date) => date is { } d ? Date(d.Date) : "";

    /// <summary>An instant on the user's clock, e.g. ۱۴۰۵/۰۹/۰۳ ۱۲:۰۰.</summary>
    public string DateTime(DateTimeOffset? instant)
    {
        if (instant is not { } value)
        {
            return T("هرگز", "never");
        }

        return IsPersian
            ? SolarHijri.FormatDateTime(value, clock.Zone)
            : clock.ToUserTime(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"Scheduled" as the user reads it: today, tomorrow, or the date.</summary>
    public string RelativeDay(DateOnly date) => (date.DayNumber - Today.DayNumber) switch
    {
        0 => T("امروز", "today"),
        1 => T("فردا", "tomorrow"),
        -1 => T("دیروز", "yesterday"),
        _ => Date(date),
    };

    public string Duration(long? milliseconds) => milliseconds switch
    {
        null => "—",
        < 1000 => Digits($"{milliseconds} ") + T("میلی‌ثانیه", "ms"),
        _ => Digits((milliseconds.Value / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " ") + T("ثانیه", "s"),
    };

    /// <summary>Parses a date typed by the user: Solar Hijri yyyy/MM/dd in Persian, ISO yyyy-MM-dd in English (digits of either script).</summary>
    public bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var latin = SolarHijri.ToLatinDigits(text.Trim()).Replace('-', '/');
        var parts = latin.Split('/');
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            return false;
        }

        try
        {
            date = y < 1700 ? SolarHijri.FromSolarHijri(y, m, d) : new DateOnly(y, m, d);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The text a date input shows for a stored date.</summary>
    public string DateInput(DateOnly? date) =>
        date is not { } d ? "" : IsPersian ? SolarHijri.FormatDate(d, persianDigits: false) : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
