using System.Globalization;

namespace Hamgam.Emulators.Notion;

/// <summary>Notion's timestamp formats and date parsing.</summary>
internal static class NotionTime
{
    public static DateTimeOffset FloorToMinute(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMinute), value.Offset);

    /// <summary>Page and data source timestamps: rounded down to the minute, UTC, "Z".</summary>
    public static string FormatPageTime(DateTimeOffset value) =>
        FloorToMinute(value.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture);

    /// <summary>Database container timestamps: milliseconds and "+00:00".</summary>
    public static string FormatDatabaseTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Date property values: minute precision with the offset kept.</summary>
    public static string FormatDateTimeValue(DateTimeOffset value) =>
        FloorToMinute(value).ToString("yyyy-MM-dd'T'HH:mm:ss'.000'zzz", CultureInfo.InvariantCulture);

    public static bool IsDateOnly(string value) =>
        value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Parses an ISO date or date-time. Values without an offset are taken as UTC.</summary>
    public static bool TryParse(string value, out DateTimeOffset result, out bool dateOnly, out bool hasOffset)
    {
        dateOnly = IsDateOnly(value);
        hasOffset = false;
        if (dateOnly)
        {
            result = new DateTimeOffset(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeOnly.MinValue, TimeSpan.Zero);
            return true;
        }
        var tIndex = value.IndexOf('T', StringComparison.Ordinal);
        var tail = tIndex < 0 ? string.Empty : value[tIndex..];
        hasOffset = tail.EndsWith('Z') || tail.EndsWith('z') || tail.LastIndexOfAny(['+', '-']) > 0;
        var styles = DateTimeStyles.AllowWhiteSpaces | (hasOffset ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles, out result) && tIndex > 0;
    }
}
