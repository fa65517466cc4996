using Hamgam.Core.Data;
using Hamgam.Core.Time;
using Hamgam.Web.Features.Tasks;
using Hamgam.Web.Infrastructure.Localization;
using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Web.Tests.Infrastructure;

public sealed class LocalizationTests
{
    private static readonly UserClock Clock = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.Zero)), UserClock.ResolveZone(null));

    [Fact]
    public void LoadPersian_AntDesignLocale_StartsTheWeekOnSaturday()
    {
        var locale = AntDesignLocales.LoadPersian();

        Assert.Equal(DayOfWeek.Saturday, locale.DatePicker.FirstDayOfWeek);
        Assert.Equal("امروز", locale.DatePicker.Lang.Today);
    }

    [Theory]
    [InlineData("1405/09/03", 2026, 11, 24)]
    [InlineData("۱۴۰۵/۰۹/۰۳", 2026, 11, 24)]
    [InlineData("2026-11-24", 2026, 11, 24)]
    public void TryParseDate_SolarHijriOrIso_ReadsTheGregorianDay(string text, int year, int month, int day)
    {
        Assert.True(new Ui(Clock, isPersian: true).TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("1404/12/30")]
    [InlineData("tomorrow")]
    [InlineData("1405/13/01")]
    public void TryParseDate_NoSuchDate_IsRejected(string text) =>
        Assert.False(new Ui(Clock, isPersian: true).TryParseDate(text, out _));

    [Fact]
    public void Date_PersianAndEnglish_ShowSolarHijriAndGregorian()
    {
        var day = new DateOnly(2025, 3, 21);

        Assert.Equal("۱۴۰۴/۰۱/۰۱", new Ui(Clock, isPersian: true).Date(day));
        Assert.Equal("2025-03-21", new Ui(Clock, isPersian: false).Date(day));
    }

    [Fact]
    public void N_Persian_UsesPersianDigitsAndSeparators()
    {
        Assert.Equal("۱۰٬۸۰۰٫۵", new Ui(Clock, isPersian: true).N(10800.5));
        Assert.Equal("10,800.5", new Ui(Clock, isPersian: false).N(10800.5));
    }

    [Fact]
    public void ToValues_MissingNameAndBadDate_NamesBothFields()
    {
        var form = new TaskForm { Name = " ", DueDate = "1405/14/01" };

        var (_, errors) = form.ToValues(new Ui(Clock, isPersian: true), original: null);

        Assert.Equal(["dueDate", "name"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToValues_UnchangedDayWithTime_KeepsNotionsTimeAndOffset()
    {
        var original = new Hamgam.Core.Tasks.TaskItem { Name = "x", DueDate = FlexDate.Parse("2026-11-24T18:30:00.000+03:30") };
        var ui = new Ui(Clock, isPersian: true);
        var form = TaskForm.From(original, ui);

        var (values, errors) = form.ToValues(ui, original);

        Assert.Empty(errors);
        Assert.Equal("2026-11-24T18:30:00.000+03:30", values["dueDate"]);
        Assert.Equal("2026-11-24", form.ToValues(ui, original: null).Values["dueDate"]);
    }
}
