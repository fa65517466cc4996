namespace Hamgam.Web.Features.Tasks;

/// <summary>
/// Reads the user's own select values (Notion options are free text, often with emoji or in Persian):
/// whether a status means done, and whether an importance or urgency is on the high side.
/// </summary>
public static class TaskVocabulary
{
    public const string DefaultStatus = "Inbox";

    private static readonly string[] DoneWords = ["done", "complete", "انجام شد", "انجام‌شده", "تمام"];
    private static readonly string[] HighWords = ["high", "urgent", "important", "critical", "زیاد", "بالا", "مهم", "فوری", "ضروری"];
    private static readonly string[] LowWords = ["low", "not", "کم", "پایین", "غیر"];

    /// <summary>The board's usual columns, before any status found in the data.</summary>
    public static IReadOnlyList<string> CommonStatuses { get; } = ["Inbox", "Not started", "In progress", "Blocked", "Done"];

    public static bool IsDone(string? status) =>
        status is not null && DoneWords.Any(w => status.Contains(w, StringComparison.OrdinalIgnoreCase));

    public static bool IsHigh(string? level) =>
        level is not null
        && HighWords.Any(w => level.Contains(w, StringComparison.OrdinalIgnoreCase))
        && !LowWords.Any(w => level.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Splits a list typed by the user on Latin or Persian commas.</summary>
    public static List<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split([',', '،'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
