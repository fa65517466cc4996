using Hamgam.Core.Data;
using Hamgam.Core.Habits;
using Hamgam.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Features.Habits;

public static class HabitsApi
{
    public static IEndpointRouteBuilder MapHabits(this IEndpointRouteBuilder app)
    {
        var group = new EntityApi<Habit, HabitDto>(EntityKind.Habit, HabitDto.From, Filter).Map(app, "/api/habits", "Habits");
        group.MapPost("/{id:guid}/check-in", CheckInAsync)
            .WithSummary("Check in for today (the user's day): Counter goes up, Streak and Best Streak follow the Frequency; pushed to Notion.");
        return app;
    }

    private static async Task<Results<Ok<HabitDto>, NotFound<ProblemDetails>>> CheckInAsync(
        Guid id, HabitCheckIns checkIns, IDbContextFactory<HamgamDb> factory, CancellationToken cancellationToken)
    {
        var outcome = await checkIns.CheckInAsync(id, cancellationToken);
        if (!outcome.Found)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"No habit has id {id}.", Status = 404 });
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var habit = await db.Habits.AsNoTracking().SingleAsync(h => h.Id == id, cancellationToken);
        var sync = await SyncStates.LoadAsync(db, EntityKind.Habit, [habit], cancellationToken);
        return TypedResults.Ok(HabitDto.From(habit, sync[id]));
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
