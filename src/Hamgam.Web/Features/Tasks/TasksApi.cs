using Hamgam.Core.Data;
using Hamgam.Core.Tasks;
using Hamgam.Web.Features.Api;

namespace Hamgam.Web.Features.Tasks;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        new EntityApi<TaskItem, TaskDto>(EntityKind.Task, TaskDto.From, Filter).Map(app, "/api/tasks", "Tasks");
        return app;
    }

    private static IQueryable<TaskItem> Filter(IQueryable<TaskItem> tasks, EntityListQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            tasks = tasks.Where(t => t.Name.Contains(q.Search) || (t.Notes != null && t.Notes.Contains(q.Search)));
        }

        if (q.Status is not null)
        {
            tasks = tasks.Where(t => t.Status == q.Status);
        }

        if (q.Context is not null)
        {
            tasks = tasks.Where(t => t.Context.Contains(q.Context));
        }

        if (q.Tag is not null)
        {
            tasks = tasks.Where(t => t.Tags.Contains(q.Tag));
        }

        if (q.EnergyLevel is not null)
        {
            tasks = tasks.Where(t => t.EnergyLevel == q.EnergyLevel);
        }

        if (q.Importance is not null)
        {
            tasks = tasks.Where(t => t.Importance == q.Importance);
        }

        if (q.Urgency is not null)
        {
            tasks = tasks.Where(t => t.Urgency == q.Urgency);
        }

        if (q.ProjectId is not null)
        {
            tasks = tasks.Where(t => t.ProjectId == q.ProjectId);
        }

        if (q.QuickWin is not null)
        {
            tasks = tasks.Where(t => t.QuickWin == q.QuickWin);
        }

        return tasks;
    }
}
