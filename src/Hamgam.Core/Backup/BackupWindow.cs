using Hamgam.Core.DailyLogs;
using Hamgam.Core.Data;
using Hamgam.Core.Tasks;
using Hamgam.Core.Time;

namespace Hamgam.Core.Backup;

/// <summary>Which rows a backup covers: the windows of <see cref="SheetsBackupOptions"/> (the seed's 7 and 30 days), in the user's day.</summary>
public static class BackupWindow
{
    /// <summary>The first day of daily logs backed up; null for every log.</summary>
    public static DateOnly? DailyLogsFrom(SheetsBackupOptions options, UserClock clock) =>
        options.DailyLogWindowDays is { } days ? clock.Today.AddDays(-days) : null;

    /// <summary>Tasks created at or after this instant are backed up; null for every task.</summary>
    public static DateTimeOffset? TasksSince(SheetsBackupOptions options, UserClock clock) =>
        options.TaskWindowDays is { } days ? clock.StartOfDay(clock.Today.AddDays(-days)) : null;

    /// <summary>Whether a backup taken now would hold this row (projects and habits are always backed up in full).</summary>
    public static bool Includes(SyncedEntity entity, SheetsBackupOptions options, UserClock clock) => entity switch
    {
        DailyLog log => DailyLogsFrom(options, clock) is not { } from || (log.Date is { } d && d.Date >= from),
        TaskItem task => TasksSince(options, clock) is not { } since || task.CreatedAt >= since,
        _ => true,
    };
}
