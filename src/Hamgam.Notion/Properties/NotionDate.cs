using System.Globalization;
using System.Text.Json;

namespace Hamgam.Notion;

/// <summary>
/// A Notion date or date range. Notion returns either a calendar date (<c>"2026-07-01"</c>) or a
/// date-time with the offset it was written with (<c>"2026-06-27T18:01:00.000+01:00"</c>); both are
/// kept exactly, the first with <see cref="IsDateOnly"/> set and a zero offset.
/// </summary>
/// <param name="Start">The start; for a date-only value, midnight with a zero offset.</param>
/// <param name="End">The end of a range, or <see langword="null"/>.</param>
/// <param name="IsDateOnly"><see langword="true"/> when the value has no time of day.</param>
/// <param name="TimeZone">The IANA zone; Notion always returns <see langword="null"/> and puts the offset in the times.</param>
public sealed record NotionDate(DateTimeOffset Start, DateTimeOffset? End = null, bool IsDateOnly = false, string? TimeZone = null)
{
    /// <summary>The calendar date of <see cref="Start"/> in its own offset.</summary>
    public DateOnly StartDate => DateOnly.FromDateTime(Start.DateTime);

    /// <summary>The calendar date of <see cref="End"/> in its own offset, if any.</summary>
    public DateOnly? EndDate => End is { } end ? DateOnly.FromDateTime(end.DateTime) : null;

    /// <summary>Creates a date-only value.</summary>
    /// <param name="start">The date.</param>
    /// <param name="end">The end date of a range.</param>
    /// <returns>The value.</returns>
    public static NotionDate FromDates(DateOnly start, DateOnly? end = null) =>
        new(ToOffset(start), end is { } e ? ToOffset(e) : null, IsDateOnly: true);

    internal static NotionDate? FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object ||
            !element.TryGetProperty("start", out var startElement) || startElement.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var startText = startElement.GetString()!;
        var start = ParseInstant(startText);
        DateTimeOffset? end = element.TryGetProperty("end", out var endElement) && endElement.ValueKind == JsonValueKind.String
            ? ParseInstant(endElement.GetString()!)
            : null;
        string? zone = element.TryGetProperty("time_zone", out var zoneElement) && zoneElement.ValueKind == JsonValueKind.String
            ? zoneElement.GetString()
            : null;
        return new NotionDate(start, end, IsDateOnlyText(startText), zone);
    }

    internal static bool IsDateOnlyText(string text) => text.Length == 10;

    /// <summary>Parses a Notion date or date-time string, keeping its offset (UTC when it has none).</summary>
    internal static DateTimeOffset ParseInstant(string text) =>
        IsDateOnlyText(text)
            ? ToOffset(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>Formats a value the way Notion writes it.</summary>
    internal static string Format(DateTimeOffset value, bool dateOnly) =>
        dateOnly
            ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset ToOffset(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
