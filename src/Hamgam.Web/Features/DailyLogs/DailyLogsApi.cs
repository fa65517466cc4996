using Hamgam.Core.DailyLogs;
using Hamgam.Core.Data;
using Hamgam.Web.Features.Api;

namespace Hamgam.Web.Features.DailyLogs;

public static class DailyLogsApi
{
    public static IEndpointRouteBuilder MapDailyLogs(this IEndpointRouteBuilder app)
    {
        new EntityApi<DailyLog, DailyLogDto>(EntityKind.DailyLog, DailyLogDto.From, Filter).Map(app, "/api/daily-logs", "Daily Logs");
        return app;
    }

    private static IQueryable<DailyLog> Filter(IQueryable<DailyLog> logs, EntityListQuery q) =>
        string.IsNullOrWhiteSpace(q.Search)
            ? logs
            : logs.Where(d => d.Name.Contains(q.Search) || (d.Reflection != null && d.Reflection.Contains(q.Search)));
}
