namespace Hamgam.Core.Time;

/// <summary>How often something repeats: a recurring task's Recurring Type or a habit's Frequency.</summary>
public enum Cadence
{
    /// <summary>Every day (روزانه).</summary>
    Daily,

    /// <summary>Every week (هفتگی).</summary>
    Weekly,

    /// <summary>Every month (ماهانه).</summary>
    Monthly,
}

/// <summary>Reads the Notion select values that name a <see cref="Cadence"/>.</summary>
public static class CadenceNames
{
    /// <summary>
    /// Parses "Daily", "Weekly", "Monthly" (any case, surrounding spaces ignored) and the Persian
    /// "روزانه", "هفتگی", "ماهانه" (also "ماهیانه", and Arabic yeh/kaf spellings).
    /// </summary>
    /// <returns>False for null, blank or unknown text.</returns>
    public static bool TryParse(string? text, out Cadence cadence)
    {
        cadence = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Trim().Replace('\u064A', '\u06CC').Replace('\u0643', '\u06A9').Replace("\u200C", "", StringComparison.Ordinal);
        Cadence? parsed = normalized.ToUpperInvariant() switch
        {
            "DAILY" or "روزانه" => Cadence.Daily,
            "WEEKLY" or "هفتگی" => Cadence.Weekly,
            "MONTHLY" or "ماهانه" or "ماهیانه" => Cadence.Monthly,
            _ => null,
        };
        cadence = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }
}
