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
            .WithSummary("Check in for today (the user's day), or for an earlier ?day=yyyy-MM-dd: Counter goes up, Streak and Best Streak follow the Frequency; pushed to Notion.");
        group.MapDelete("/{id:guid}/check-in", UndoAsync)
            .WithSummary("Undo the latest check-in if it was made today (the user's day): Counter, Streak, Best Streak and Last Check-in return to before it.");
        return app;
    }

    private static async Task<Results<Ok<HabitDto>, NotFound<ProblemDetails>>> CheckInAsync(
        Guid id, DateOnly? day, HabitCheckIns checkIns, IDbContextFactory<HamgamDb> factory, CancellationToken cancellationToken)
    {
        var outcome = await checkIns.CheckInAsync(id, day, cancellationToken);
        if (!outcome.Found)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"No habit has id {id}.", Status = 404 });
        }

        return TypedResults.Ok(await LoadAsync(id, factory, cancellationToken));
    }

    private static async Task<Results<Ok<HabitDto>, NotFound<ProblemDetails>>> UndoAsync(
        Guid id, HabitCheckIns checkIns, IDbContextFactory<HamgamDb> factory, CancellationToken cancellationToken)
    {
        if (await checkIns.UndoAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"Habit {id} has no check-in made today to undo.", Status = 404 });
        }

        return TypedResults.Ok(await LoadAsync(id, factory, cancellationToken));
    }

    private static async Task<HabitDto> LoadAsync(Guid id, IDbContextFactory<HamgamDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var habit = await db.Habits.AsNoTracking().SingleAsync(h => h.Id == id, cancellationToken);
        var sync = await SyncStates.LoadAsync(db, EntityKind.Habit, [habit], cancellationToken);
        return HabitDto.From(habit, sync[id]);
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
