using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Cursors;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Core.Time;
using Hamgam.Notion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Core.Sync.Pull;

/// <summary>
/// Notion → dashboard for the four data sources. Incremental pulls ask for pages edited on or after the last edit
/// seen minus an overlap (Notion rounds to the minute) and skip unchanged pages by content hash; full pulls re-list
/// everything, step past the 10,000-results cap by created_time windows, and turn pages trashed in Notion into tombstones.
/// After incremental pulls, <see cref="RemovalCheck"/> searches the trash (and recent moves) so that trashed or moved pages
/// are tombstones by the next poll; the full pull's sweep stays the backstop.
/// </summary>
public sealed class NotionPuller(
    NotionClient notion,
    IDbContextFactory<HamgamDb> factory,
    IOptions<NotionSyncOptions> options,
    RunLog runs,
    NotionRequestMeter meter,
    UserClock clock,
    TimeProvider time,
    MoveCheckSchedule? moves = null)
{
    private readonly MoveCheckSchedule _moves = moves ?? new MoveCheckSchedule();

    /// <summary>Projects first, so that tasks can map their relation to local project ids.</summary>
    private static readonly EntityKind[] Order = [EntityKind.Project, EntityKind.Task, EntityKind.Habit, EntityKind.DailyLog];

    public async Task<PullReport> PullAsync(PullRequest request, CancellationToken cancellationToken = default)
    {
        var run = await runs.StartAsync(SyncRunType.NotionToDb, request.Trigger, cancellationToken);
        var before = meter.GetSnapshot().Total;
        var reports = new List<EntityPullReport>();
        var problems = new List<string>();
        var incremental = new List<RemovalScope>();
        using var priority = NotionPriority.Enter(NotionRequestPriority.Pull);
        try
        {
            foreach (var kind in Order)
            {
                if (options.Value.DatabaseFor(kind) is not { Length: > 0 } configured)
                {
                    continue;
                }

                var report = new EntityPullReport(kind);
                reports.Add(report);
                try
                {
                    if (await PullEntityAsync(kind, configured, request, report, run, problems, cancellationToken) is { } scope)
                    {
                        incremental.Add(scope);
                    }
                }
                catch (NotionApiException ex) when (!ex.IsTransient || ex.Status != 0)
                {
                    problems.Add($"{kind}: Notion answered {ex.Status} {ex.Code}: {ex.Message}");
                    run.AddError(new RecordError(kind, null, null, $"Notion answered {ex.Status} {ex.Code}: {ex.Message}"));
                }
            }

            await CheckRemovalsAsync(incremental, request, reports, run, problems, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Requests = (int)(meter.GetSnapshot().Total - before);
            await run.CompleteAsync($"{ex.GetType().Name}: {ex.Message}");
            throw;
        }

        run.Requests = (int)(meter.GetSnapshot().Total - before);
        var status = reports.Count == 0 && problems.Count == 0 ? "Notion is not configured: no data source ids." : null;
        await run.CompleteAsync(status);
        var final = status is not null ? SyncRunStatus.Failed : run.Errors.Count > 0 ? SyncRunStatus.Partial : SyncRunStatus.Success;
        return new PullReport(run.RunId, final, run.Requests, reports, problems);
    }

    private async Task CheckRemovalsAsync(
        List<RemovalScope> incremental, PullRequest request, List<EntityPullReport> reports, RunHandle run, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            var check = new RemovalCheck(notion, factory, options.Value, _moves, time);
            await check.CheckAsync(incremental, request, reports.ToDictionary(r => r.Kind), run, cancellationToken);
        }
        catch (NotionApiException ex) when (!ex.IsTransient || ex.Status != 0)
        {
            // The pulls themselves succeeded; the full pull will notice what this check could not.
            problems.Add($"Trash check: Notion answered {ex.Status} {ex.Code}: {ex.Message}");
            run.AddError(new RecordError(incremental[0].Kind, null, null, $"Trash check: Notion answered {ex.Status} {ex.Code}: {ex.Message}"));
        }
    }

    /// <returns>For an incremental pull, where the trash check must look; <see langword="null"/> after a full pull (its sweep did).</returns>
    private async Task<RemovalScope?> PullEntityAsync(
        EntityKind kind, string configured, PullRequest request, EntityPullReport report, RunHandle run, List<string> problems, CancellationToken cancellationToken)
    {
        var fields = EntityFields.For(kind);
        var cursor = await LoadCursorAsync(kind, cancellationToken);
        var loaded = CursorState.Of(cursor);
        var remembered = SchemaBindings.Deserialize(cursor.PropertyIds);
        var now = time.GetUtcNow();
        var reconfigured = cursor.ConfiguredId != configured || string.IsNullOrEmpty(cursor.DataSourceId);
        var full = request.Full || reconfigured || remembered is null || cursor.LastFullPullAt is null
            || now - cursor.LastFullPullAt >= options.Value.FullPullEvery;
        report.Full = full;

        var bindings = remembered;
        if (full)
        {
            // A data source id remembered from an earlier pull is read directly (one request); a new setting is resolved.
            var dataSource = reconfigured
                ? await DataSourceResolver.ResolveAsync(notion, configured, cancellationToken)
                : await RetrieveKnownAsync(cursor.DataSourceId, configured, cancellationToken);
            cursor.DataSourceId = dataSource.Id;
            cursor.ConfiguredId = configured;
            (bindings, var bindingProblems) = BindingResolver.Resolve(fields, options.Value, dataSource, remembered);
            foreach (var problem in bindingProblems)
            {
                problems.Add(problem);
                run.AddError(new RecordError(kind, null, null, problem));
            }
        }

        var scope = PullQueries.Scope(kind, bindings!, options.Value.Scope, clock.Today);
        DateTimeOffset? since = full || cursor.LastEditedTime is null ? null : cursor.LastEditedTime.Value.AddMinutes(-options.Value.OverlapMinutes);
        var scanner = new ResultScanner(notion, new BatchApplier(factory, time), kind, fields, bindings!, run, report);
        // Incremental pulls ask for every edited page, so a task that leaves the scope (say, marked Done) is still
        // updated locally; only pages not yet known must be in scope to be brought in.
        var today = clock.Today;
        Func<RemoteRecord, bool>? admitNew = since is null ? null : r => PullQueries.InScope(kind, r.Fields, options.Value.Scope, today);
        var seen = await scanner.ScanAsync(cursor.DataSourceId, since is null ? scope : null, since, admitNew, request.DryRun, cancellationToken);

        if (full)
        {
            var sweeper = new DeletionSweeper(notion, factory, options.Value, clock, time);
            await sweeper.SweepAsync(kind, cursor.DataSourceId, seen.Ids, request, report, run, cancellationToken);
        }

        // Read before the cursor moves on: removals since the previous poll were edited after the cursor it left.
        var removals = full ? null : new RemovalScope(kind, cursor.DataSourceId, since ?? cursor.LastFullPullAt!.Value.AddMinutes(-options.Value.OverlapMinutes));
        if (!request.DryRun)
        {
            cursor.LastEditedTime = Max(cursor.LastEditedTime, seen.LatestEdit);
            cursor.LastFullPullAt = full ? now : cursor.LastFullPullAt;
            cursor.PropertyIds = bindings!.Serialize();
            // An idle pull changes nothing here, so it writes nothing (issue 10, P2: zero DB writes).
            if (CursorState.Of(cursor) != loaded)
            {
                await SaveCursorAsync(cursor, cancellationToken);
            }
        }

        return removals;
    }

    private async Task<NotionDataSource> RetrieveKnownAsync(string dataSourceId, string configured, CancellationToken cancellationToken)
    {
        try
        {
            return await notion.DataSources.RetrieveAsync(dataSourceId, cancellationToken);
        }
        catch (NotionApiException ex) when (ex.IsNotFound)
        {
            // The remembered data source is gone (replaced, or no longer shared): resolve the setting afresh.
            return await DataSourceResolver.ResolveAsync(notion, configured, cancellationToken);
        }
    }

    private async Task<SyncCursor> LoadCursorAsync(EntityKind kind, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.SyncCursors.AsNoTracking().SingleOrDefaultAsync(c => c.EntityKind == kind, cancellationToken)
            ?? new SyncCursor { EntityKind = kind };
    }

    private async Task SaveCursorAsync(SyncCursor cursor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.SyncCursors.AnyAsync(c => c.EntityKind == cursor.EntityKind, cancellationToken))
        {
            db.SyncCursors.Update(cursor);
        }
        else
        {
            db.SyncCursors.Add(cursor);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The persisted values of a cursor. A cursor never stored always differs after its first pull, which resolves
    /// the data source (a full pull), so comparing values is enough to know whether to save.
    /// </summary>
    private readonly record struct CursorState(string DataSourceId, string? ConfiguredId, DateTimeOffset? LastEditedTime, DateTimeOffset? LastFullPullAt, string? PropertyIds)
    {
        public static CursorState Of(SyncCursor c) => new(c.DataSourceId, c.ConfiguredId, c.LastEditedTime, c.LastFullPullAt, c.PropertyIds);
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
