using Hamgam.Core.Recurring;

namespace Hamgam.Core.Tests.Recurring;

public sealed class RecurrenceRulesTests
{
    private static readonly DateOnly Anchor = new(2025, 1, 4); // a Saturday

    [Fact]
    public void IsDue_Daily_EveryDayFromTheAnchor()
    {
        Assert.True(RecurrenceRules.IsDue("Daily", Anchor, Anchor));
        Assert.True(RecurrenceRules.IsDue("Daily", Anchor, new DateOnly(2025, 7, 19)));
        Assert.False(RecurrenceRules.IsDue("Daily", Anchor, Anchor.AddDays(-1)));
    }

    [Fact]
    public void IsDue_DailyWithoutAnchor_EveryDay()
    {
        Assert.True(RecurrenceRules.IsDue("Daily", null, new DateOnly(2020, 2, 29)));
    }

    [Fact]
    public void IsDue_Weekly_OnlyOnTheAnchorsWeekday()
    {
        Assert.True(RecurrenceRules.IsDue("Weekly", Anchor, new DateOnly(2025, 1, 11)));
        Assert.True(RecurrenceRules.IsDue("Weekly", Anchor, new DateOnly(2025, 3, 22)));
        Assert.False(RecurrenceRules.IsDue("Weekly", Anchor, new DateOnly(2025, 1, 12)));
        Assert.False(RecurrenceRules.IsDue("Weekly", Anchor, new DateOnly(2025, 1, 10)));
    }

    [Fact]
    public void IsDue_BeforeTheAnchor_NeverDue()
    {
        Assert.False(RecurrenceRules.IsDue("Weekly", Anchor, new DateOnly(2024, 12, 28)));
        Assert.False(RecurrenceRules.IsDue("Monthly", Anchor, new DateOnly(2024, 12, 4)));
    }

    [Theory]
    [InlineData("Weekly")]
    [InlineData("Monthly")]
    public void IsDue_WeeklyOrMonthlyWithoutAnchor_NeverDue(string type)
    {
        Assert.False(RecurrenceRules.IsDue(type, null, new DateOnly(2025, 1, 4)));
        Assert.Empty(RecurrenceRules.DueDays(type, null, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void IsDue_Monthly_OnTheAnchorsDayOfMonth()
    {
        var anchor = new DateOnly(2025, 1, 15);

        Assert.True(RecurrenceRules.IsDue("Monthly", anchor, new DateOnly(2025, 2, 15)));
        Assert.True(RecurrenceRules.IsDue("Monthly", anchor, new DateOnly(2026, 11, 15)));
        Assert.False(RecurrenceRules.IsDue("Monthly", anchor, new DateOnly(2025, 2, 14)));
    }

    [Fact]
    public void DueDays_MonthlyOn31st_ClampsToTheMonthsLastDay()
    {
        var anchor = new DateOnly(2025, 1, 31);

        var days = RecurrenceRules.DueDays("Monthly", anchor, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

        Assert.Equal(
            [
                new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 30),
                new DateOnly(2025, 5, 31), new DateOnly(2025, 6, 30), new DateOnly(2025, 7, 31), new DateOnly(2025, 8, 31),
                new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 31), new DateOnly(2025, 11, 30), new DateOnly(2025, 12, 31),
            ],
            days);
    }

    [Theory]
    [InlineData(2024, 29)] // leap year
    [InlineData(2000, 29)] // divisible by 400: leap
    [InlineData(2100, 28)] // divisible by 100 only: not leap
    [InlineData(2025, 28)]
    public void DueDays_MonthlyOn31st_InFebruaryFallsOnItsLastDay(int year, int lastDay)
    {
        var anchor = new DateOnly(1999, 12, 31);

        var days = RecurrenceRules.DueDays("monthly", anchor, new DateOnly(year, 2, 1), new DateOnly(year, 2, DateTime.DaysInMonth(year, 2)));

        Assert.Equal([new DateOnly(year, 2, lastDay)], days);
    }

    [Fact]
    public void DueDays_MonthlyOn29th_IsDueOnceInEveryFebruary()
    {
        var anchor = new DateOnly(2024, 2, 29);

        var days = RecurrenceRules.DueDays("Monthly", anchor, new DateOnly(2024, 2, 1), new DateOnly(2028, 3, 31)).ToList();

        Assert.Contains(new DateOnly(2025, 2, 28), days);
        Assert.Contains(new DateOnly(2028, 2, 29), days);
        Assert.DoesNotContain(new DateOnly(2028, 2, 28), days);
        Assert.Equal(50, days.Count);
    }

    [Fact]
    public void DueDays_Weekly_OneDayPerWeek()
    {
        var days = RecurrenceRules.DueDays("Weekly", Anchor, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31));

        Assert.Equal([new DateOnly(2025, 1, 4), new DateOnly(2025, 1, 11), new DateOnly(2025, 1, 18), new DateOnly(2025, 1, 25)], days);
    }

    [Fact]
    public void DueDays_Daily_EachDayOfTheRangeInclusive()
    {
        var days = RecurrenceRules.DueDays("Daily", null, new DateOnly(2024, 2, 27), new DateOnly(2024, 3, 1));

        Assert.Equal([new DateOnly(2024, 2, 27), new DateOnly(2024, 2, 28), new DateOnly(2024, 2, 29), new DateOnly(2024, 3, 1)], days);
    }

    [Fact]
    public void DueDays_EmptyRange_IsEmpty()
    {
        Assert.Empty(RecurrenceRules.DueDays("Daily", null, new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void DueDays_RangeEndingAtMaxValue_Terminates()
    {
        Assert.Equal([DateOnly.MaxValue], RecurrenceRules.DueDays("Daily", null, DateOnly.MaxValue, DateOnly.MaxValue));
    }

    [Theory]
    [InlineData("روزانه", "2025-01-05", true)]
    [InlineData("هفتگی", "2025-01-11", true)]
    [InlineData("هفتگی", "2025-01-12", false)]
    [InlineData("ماهانه", "2025-02-04", true)]
    [InlineData("  WEEKLY ", "2025-01-11", true)]
    public void IsDue_PersianAndOddlyCasedTypes_AreRecognised(string type, string day, bool due)
    {
        Assert.Equal(due, RecurrenceRules.IsDue(type, Anchor, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Yearly")]
    public void IsDue_UnknownType_NeverDue(string? type)
    {
        Assert.False(RecurrenceRules.IsDue(type, Anchor, Anchor));
        Assert.Empty(RecurrenceRules.DueDays(type, Anchor, Anchor, Anchor.AddDays(40)));
    }
}
