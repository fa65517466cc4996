using Hamgam.Core.DailyLogs;
using Hamgam.Core.Data;
using Hamgam.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Features.DailyLogs;

/// <summary>One point of the mood and energy trends.</summary>
public sealed record DailyPoint(DateOnly Day, string? Mood, double? Energy);

/// <summary>Reads daily logs: today's, the history (newest first, one page at a time) and the trend points.</summary>
public sealed class DailyLogQueries(IDbContextFactory<HamgamDb> factory, UserClock clock)
{
    public async Task<DailyLog?> ForDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var text = FlexDate.FromDate(day);
        // A date written with a time still belongs to its day; those are few, so they are matched after reading.
        var candidates = await db.DailyLogs.AsNoTracking().Where(d => d.Date != null).OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(d => d.Date == text) ?? candidates.FirstOrDefault(d => d.Date?.Date == day);
    }

    public Task<DailyLog?> TodayAsync(CancellationToken cancellationToken = default) => ForDayAsync(clock.Today, cancellationToken);

    public async Task<(List<DailyLog> Logs, int Total)> HistoryAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var total = await db.DailyLogs.CountAsync(cancellationToken);
        var logs = await db.DailyLogs.AsNoTracking().OrderByDescending(d => d.Date).ThenByDescending(d => d.CreatedAt)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (logs, total);
    }

    /// <summary>The last <paramref name="days"/> days that have a log, oldest first.</summary>
    public async Task<List<DailyPoint>> TrendAsync(int days, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var since = clock.Today.AddDays(-days);
        var logs = await db.DailyLogs.AsNoTracking().Where(d => d.Date != null).Select(d => new { d.Date, d.Mood, d.Energy }).ToListAsync(cancellationToken);
        return [.. logs.Where(l => l.Date!.Value.Date > since).GroupBy(l => l.Date!.Value.Date).OrderBy(g => g.Key)
            .Select(g => new DailyPoint(g.Key, g.First().Mood, g.First().Energy))];
    }
}
