using Hamgam.Core.Runs;
using Hamgam.Web.Infrastructure.Localization;

namespace Hamgam.Web.Features.Sync;

/// <summary>How runs and their outcomes read in each language.</summary>
public static class RunNames
{
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
