using Hamgam.Core.Data;
using Hamgam.Core.Habits;
using Hamgam.Web.Features.Api;

namespace Hamgam.Web.Features.Habits;

public static class HabitsApi
{
    public static IEndpointRouteBuilder MapHabits(this IEndpointRouteBuilder app)
    {
        new EntityApi<Habit, HabitDto>(EntityKind.Habit, HabitDto.From, Filter).Map(app, "/api/habits", "Habits");
        return app;
    }

    private static IQueryable<Habit> Filter(IQueryable<Habit> habits, EntityListQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            habits = habits.Where(h => h.Name.Contains(q.Search));
        }

        return q.Status is null ? habits : habits.Where(h => h.Status == q.Status);
    }
}
