namespace Hamgam.Web.Features.Habits;

/// <summary>Reads a habit's free-text Status: the seed pulls habits whose Status is "🎯 Active".</summary>
public static class HabitText
{
    public static bool IsActive(string? status) =>
        status is null || status.Contains("Active", StringComparison.OrdinalIgnoreCase) || status.Contains("فعال", StringComparison.Ordinal);
}
