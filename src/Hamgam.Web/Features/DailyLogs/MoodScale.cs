namespace Hamgam.Web.Features.DailyLogs;

/// <summary>Puts a free-text Mood (emoji or words, Persian or English) on a 1–5 scale for the trend chart.</summary>
public static class MoodScale
{
    private static readonly (string Word, int Score)[] Words =
    [
        ("😄", 5), ("🤩", 5), ("عالی", 5), ("great", 5), ("excellent", 5),
        ("😊", 4), ("🙂", 4), ("خوب", 4), ("good", 4), ("happy", 4),
        ("😐", 3), ("معمولی", 3), ("okay", 3), ("ok", 3), ("neutral", 3),
        ("😕", 2), ("😔", 2), ("بد", 2), ("low", 2), ("sad", 2), ("tired", 2), ("خسته", 2),
        ("😢", 1), ("😞", 1), ("😡", 1), ("خیلی بد", 1), ("awful", 1), ("terrible", 1),
    ];

    public static readonly IReadOnlyList<string> Suggestions = ["😄 عالی", "😊 خوب", "😐 معمولی", "😔 بد", "😢 خیلی بد"];

    public static double? Score(string? mood)
    {
        if (string.IsNullOrWhiteSpace(mood))
        {
            return null;
        }

        // Longest match first, so "خیلی بد" is not read as "بد".
        foreach (var (word, score) in Words.OrderByDescending(w => w.Word.Length))
        {
            if (mood.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return score;
            }
        }

        return null;
    }
}
