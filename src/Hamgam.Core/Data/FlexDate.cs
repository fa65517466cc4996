using System.Globalization;

namespace Hamgam.Core.Data;

/// <summary>
/// A Notion date as the user wrote it: a calendar date, optionally with a time and a UTC offset.
/// Stored and exchanged as ISO 8601 text ("2026-07-01" or "2026-06-27T18:01:00.000+01:00"), which sorts by day.
/// </summary>
public readonly record struct FlexDate(DateOnly Date, TimeOnly? Time = null, TimeSpan? Offset = null)
{
    public bool HasTime => Time is not null;

    public static FlexDate FromDate(DateOnly date) => new(date);

    public static FlexDate FromInstant(DateTimeOffset value) =>
        new(DateOnly.FromDateTime(value.DateTime), TimeOnly.FromDateTime(value.DateTime), value.Offset);

    /// <summary>The instant this date denotes; a date-only value is midnight in <paramref name="zoneForDateOnly"/>.</summary>
    public DateTimeOffset ToInstant(TimeZoneInfo zoneForDateOnly)
    {
        var local = Date.ToDateTime(Time ?? TimeOnly.MinValue);
        var offset = Offset ?? zoneForDateOnly.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static bool TryParse(string? text, out FlexDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Length == 10)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                value = new FlexDate(d);
                return true;
            }

            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
        {
            return false;
        }

        var hasOffset = text.EndsWith('Z') || HasExplicitOffset(text);
        value = new FlexDate(
            DateOnly.FromDateTime(instant.DateTime),
            TimeOnly.FromDateTime(instant.DateTime),
            hasOffset ? instant.Offset : null);
        return true;
    }

    public static FlexDate Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not an ISO 8601 date.");

    public override string ToString()
    {
        var date = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Time is not { } time)
        {
            return date;
        }

        var text = date + "T" + time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        if (Offset is not { } offset)
        {
            return text;
        }

        return offset == TimeSpan.Zero
            ? text + "Z"
            : text + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    private static bool HasExplicitOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0)
        {
            return false;
        }

        var tail = text[t..];
        return tail.Contains('+', StringComparison.Ordinal) || tail.LastIndexOf('-') > 0;
    }
}
