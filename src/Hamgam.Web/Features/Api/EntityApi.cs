using System.Text.Json;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Projects;
using Hamgam.Core.Sync.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Features.Api;

/// <summary>
/// CRUD for one of the four entities. Bodies are read field by field into canonical values (unknown, read-only
/// and mistyped fields are 400s that name the field), and every write goes through <see cref="LocalChanges"/>
/// so it reaches Notion through the outbox.
/// </summary>
public sealed class EntityApi<TEntity, TDto>(
    EntityKind kind,
    Func<TEntity, SyncMeta, TDto> toDto,
    Func<IQueryable<TEntity>, EntityListQuery, IQueryable<TEntity>> filter)
    where TEntity : SyncedEntity
    where TDto : notnull
{
    private const int MaxPageSize = 500;

    public RouteGroupBuilder Map(IEndpointRouteBuilder app, string route, string tag)
    {
        var group = app.MapGroup(route).WithTags(tag);
        group.MapGet("/", ListAsync).WithSummary($"List {tag.ToLowerInvariant()} (paged, filterable).");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("Read one record.");
        group.MapPost("/", CreateAsync).Accepts<TDto>("application/json").WithSummary("Create a record; it is pushed to Notion.");
        group.MapPatch("/{id:guid}", PatchAsync).Accepts<TDto>("application/json")
            .WithSummary("Change the given fields only; null clears a field. Send `version` to fail with 409 on a stale copy.");
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete locally and move the Notion page to the trash.");
        return group;
    }

    private async Task<Results<Ok<PagedResult<TDto>>, ValidationProblem>> ListAsync(
        [AsParameters] EntityListQuery query, IDbContextFactory<HamgamDb> factory, CancellationToken cancellationToken)
    {
        var page = query.Page ?? 1;
        var size = query.PageSize ?? 50;
        if (PagingErrors(page, size) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var filtered = filter(db.Set<TEntity>().AsNoTracking(), query);
        var total = await filtered.CountAsync(cancellationToken);
        var records = await filtered.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var sync = await SyncStates.LoadAsync(db, kind, records, cancellationToken);
        return TypedResults.Ok(new PagedResult<TDto>([.. records.Select(r => toDto(r, sync[r.Id]))], total, page, size));
    }

    /// <summary>Bounds for page and pageSize; the offset (page − 1) × pageSize must fit an int, or it would overflow.</summary>
    private static Dictionary<string, string[]>? PagingErrors(int page, int size)
    {
        var errors = new Dictionary<string, string[]>();
        var sizeOk = size is >= 1 and <= MaxPageSize;
        if (!sizeOk)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        var lastPage = sizeOk ? (int)Math.Min(int.MaxValue, ((long)int.MaxValue / size) + 1) : int.MaxValue;
        if (page < 1 || page > lastPage)
        {
            errors["page"] = [$"page must be between 1 and {lastPage}."];
        }

        return errors.Count > 0 ? errors : null;
    }

    private async Task<Results<Ok<TDto>, NotFound<ProblemDetails>>> GetAsync(
        Guid id, IDbContextFactory<HamgamDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var record = await db.Set<TEntity>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return record is null ? NotFound(id) : TypedResults.Ok(await DtoAsync(db, record, cancellationToken));
    }

    private async Task<Results<Created<TDto>, ValidationProblem>> CreateAsync(
        JsonElement body, LocalChanges changes, IDbContextFactory<HamgamDb> factory, CancellationToken cancellationToken)
    {
        var input = FieldInput.Read(EntityFields.For(kind), body, creating: true);
        await CheckRelationsAsync(factory, input, cancellationToken);
        if (!input.IsValid)
        {
            return TypedResults.ValidationProblem(input.Errors);
        }

        var created = (TEntity)await changes.CreateAsync(kind, input.Values, cancellationToken: cancellationToken);
        return TypedResults.Created($"{created.Id}", toDto(created, new SyncMeta("pending", null)));
    }

    private async Task<Results<Ok<TDto>, NotFound<ProblemDetails>, Conflict<TDto>, ValidationProblem>> PatchAsync(
        Guid id, JsonElement body, LocalChanges changes, IDbContextFactory<HamgamDb> factory, CancellationToken cancellationToken)
    {
        var input = FieldInput.Read(EntityFields.For(kind), body, creating: false);
        await CheckRelationsAsync(factory, input, cancellationToken);
        if (!input.IsValid)
        {
            return TypedResults.ValidationProblem(input.Errors);
        }

        var result = await changes.UpdateAsync(kind, id, input.Values, FieldInput.ReadVersion(body), cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return result.Status switch
        {
            LocalUpdateStatus.NotFound => NotFound(id),
            LocalUpdateStatus.VersionConflict => TypedResults.Conflict(await DtoAsync(db, (TEntity)result.Entity!, cancellationToken)),
            _ => TypedResults.Ok(await DtoAsync(db, (TEntity)result.Entity!, cancellationToken)),
        };
    }

    private async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteAsync(
        Guid id, LocalChanges changes, CancellationToken cancellationToken) =>
        await changes.DeleteAsync(kind, id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private async Task<TDto> DtoAsync(HamgamDb db, TEntity record, CancellationToken cancellationToken)
    {
        var sync = await SyncStates.LoadAsync(db, kind, [record], cancellationToken);
        return toDto(record, sync[record.Id]);
    }

    /// <summary>A relation must point at a live record, or the push would send a dangling page id.</summary>
    private static async Task CheckRelationsAsync(IDbContextFactory<HamgamDb> factory, FieldInputResult input, CancellationToken cancellationToken)
    {
        if (input.Values.TryGetValue("projectId", out var projectId) && projectId is not null)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var id = Guid.Parse(projectId);
            if (!await db.Set<Project>().AnyAsync(p => p.Id == id, cancellationToken))
            {
                input.Errors["projectId"] = [$"No project has id {id}."];
            }
        }
    }

    private NotFound<ProblemDetails> NotFound(Guid id) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = $"No {kind} has id {id}.", Status = 404 });
}
