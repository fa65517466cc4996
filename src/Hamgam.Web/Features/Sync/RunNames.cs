using System.Text.RegularExpressions;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Web.Infrastructure.Localization;

namespace Hamgam.Web.Features.Sync;

/// <summary>How runs and their outcomes read in each language.</summary>
public static partial class RunNames
{
    /// <summary>A running job's phase as the engine names it ("Habit: 8", "pushing", "done"), in the page's language; a Sheet tab's title stays as it is.</summary>
    public static string Phase(Ui ui, string? phase) => phase switch
    {
        null or "" => "",
        "pushing" => ui.T("در حال ارسال", "pushing"),
        "done" => ui.T("پایان", "done"),
        "creating instances" => ui.T("ساخت نمونه‌ها", "creating instances"),
        _ when EntityPhase().Match(phase) is { Success: true } m && Enum.TryParse<EntityKind>(m.Groups[1].Value, out var kind) =>
            $"{Entity(ui, kind)}: {ui.Digits(m.Groups[2].Value)}",
        _ => phase,
    };

    /// <summary>What started a run, as the sync log shows it.</summary>
    public static string Trigger(Ui ui, string trigger) => trigger switch
    {
        "manual" => ui.T("دستی", "manual"),
        "scheduled" => ui.T("زمان‌بندی‌شده", "scheduled"),
        "cli" => ui.T("خط فرمان", "command line"),
        "save" => ui.T("ذخیره", "on save"),
        "live" => ui.T("بررسی زنده", "live poll"),
        "webhook" => ui.T("وب‌هوک", "webhook"),
        "demo" => ui.T("راه‌اندازی نمایشی", "demo start"),
        "test" => ui.T("آزمون", "test"),
        _ => trigger,
    };

    public static string Entity(Ui ui, EntityKind kind) => kind switch
    {
        EntityKind.Task => ui.T("کارها", "Tasks"),
        EntityKind.Project => ui.T("پروژه‌ها", "Projects"),
        EntityKind.Habit => ui.T("عادت‌ها", "Habits"),
        _ => ui.T("گزارش‌های روزانه", "Daily logs"),
    };

    [GeneratedRegex(@"^(\w+): (\d+)$")]
    private static partial Regex EntityPhase();

    public static string Name(Ui ui, SyncRunType type) => type switch
    {
        SyncRunType.NotionToDb => ui.T("دریافت از Notion", "Notion → dashboard"),
        SyncRunType.DbToNotion => ui.T("ارسال به Notion", "Dashboard → Notion"),
        SyncRunType.DbToSheet => ui.T("پشتیبان در Sheet", "Backup to Sheet"),
        SyncRunType.Recurring => ui.T("کارهای تکرارشونده", "Recurring tasks"),
        SyncRunType.Restore => ui.T("بازیابی", "Restore"),
        _ => type.ToString(),
    };

    public static string Status(Ui ui, SyncRunStatus status) => status switch
    {
        SyncRunStatus.Running => ui.T("در حال اجرا", "running"),
        SyncRunStatus.Success => ui.T("موفق", "success"),
        SyncRunStatus.Partial => ui.T("ناقص", "partial"),
        SyncRunStatus.Failed => ui.T("ناموفق", "failed"),
        _ => status.ToString(),
    };
}
