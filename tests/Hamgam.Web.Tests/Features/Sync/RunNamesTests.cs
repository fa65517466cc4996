using Hamgam.Core.Data;
using Hamgam.Core.Sync.Schema;
using Hamgam.Core.Time;
using Hamgam.Web.Features.Settings;
using Hamgam.Web.Features.Sync;
using Hamgam.Web.Infrastructure.Localization;
using Microsoft.Extensions.Time.Testing;

namespace Hamgam.Web.Tests.Features.Sync;

public sealed class RunNamesTests
{
    private static readonly UserClock Clock = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.Zero)), UserClock.ResolveZone(null));
    private static readonly Ui Persian = new(Clock, isPersian: true);
    private static readonly Ui English = new(Clock, isPersian: false);

    [Theory]
    [InlineData("Habit: 8", "عادت‌ها: ۸", "Habits: 8")]
    [InlineData("pushing", "در حال ارسال", "pushing")]
    [InlineData("done", "پایان", "done")]
    [InlineData("Tasks 1405", "Tasks 1405", "Tasks 1405")]
    public void Phase_EngineWords_ReadInThePagesLanguage(string phase, string persian, string english)
    {
        Assert.Equal(persian, RunNames.Phase(Persian, phase));
        Assert.Equal(english, RunNames.Phase(English, phase));
    }

    [Fact]
    public void Trigger_Demo_IsTranslated() => Assert.Equal("راه‌اندازی نمایشی", RunNames.Trigger(Persian, "demo"));

    [Fact]
    public void Describe_Persian_TranslatesTheVerdictAndIsolatesLatinNames()
    {
        IReadOnlyList<DatabaseCheck> checks =
        [
            new(EntityKind.Task, "abc", "Tasks", [new(SchemaSeverity.Info, "Status", "'Status' is a status property; Hamgam supports it (as well as a select).")]),
            new(EntityKind.Habit, "def", "Habits", []),
        ];

        var text = ConnectionText.Describe(checks, Persian);

        Assert.Equal(
            "کارها (\u2068Tasks\u2069): درست است، با چند نکته:\n  • «\u2068Status\u2069» از نوع status است؛ همگام از آن (مانند select) پشتیبانی می‌کند.\nعادت‌ها (\u2068Habits\u2069): درست است.",
            text.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("OK", text, StringComparison.Ordinal);
    }
}
