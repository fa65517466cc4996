using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Runs;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Core.Sync.Merge;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Notion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Core.Sync.Push;

/// <summary>
/// Dashboard → Notion. Drains the outbox ahead of pulls (interactive priority on the shared limiter), coalescing all
/// pending edits of a record into one request that carries only the changed properties. A create never yields two
/// pages: its attempt is recorded before the request, and a retried create first looks for the page it may have made.
/// Rejections (400/403/404) leave the entry failed with Notion's message; transient failures are retried later with backoff.
/// Before updates are sent, pages edited in Notion since the last pull are merged in (<see cref="RemoteEditCheck"/>), so a
/// same-field edit on both sides is a conflict that Notion wins, never an overwrite.
/// </summary>
public sealed class NotionPusher(
    NotionClient notion,
    IDbContextFactory<HamgamDb> factory,
    IOptions<NotionSyncOptions> options,
    RunLog runs,
    NotionRequestMeter meter,
    TimeProvider time)
{
    private static readonly EntityKind[] Order = [EntityKind.Project, EntityKind.Task, EntityKind.Habit, EntityKind.DailyLog];

    /// <summary>How long a claim on a record's entries lasts (<see cref="OutboxClaims"/>, <see cref="NotionSyncOptions.PushLease"/>).</summary>
    public TimeSpan Lease { get; set; } = options.Value.PushLease;

    /// <summary>Test seam: called at each step of a create, so a test can "crash" the push there.</summary>
    internal Func<PushStep, Task>? OnStep { get; set; }

    public async Task<PushReport> PushAsync(PushRequest request, CancellationToken cancellationToken = default)
    {
        var run = await runs.StartAsync(SyncRunType.DbToNotion, request.Trigger, cancellationToken);
        var before = meter.GetSnapshot().Total;
        var counts = new PushCounts();
        using var priority = NotionPriority.Enter(NotionRequestPriority.Interactive);
        try
        {
            var schema = new SchemaCache(notion, factory, options.Value);
            var batches = await PushPlan.LoadAsync(factory, time.GetUtcNow(), cancellationToken, held => counts.Contended += held);
            if (!request.DryRun && batches.Any(b => b.Action != CoalescedAction.Create))
            {
                // Edits made in Notion since the last pull are merged first, so the push never overwrites them (conflicts go to the inbox).
                var check = new RemoteEditCheck(notion, factory, schema, time, options.Value.OverlapMinutes);
                var waiting = await check.MergeAsync(batches, run, cancellationToken);
                batches = await PushPlan.LoadAsync(factory, time.GetUtcNow(), cancellationToken);
                foreach (var held in batches.Where(b => b.Action != CoalescedAction.Create && waiting.Contains(b.Kind)))
                {
                    // Backed off like a failed send, so saving again while Notion is down does not query it again at once.
                    await new PushOne(notion, factory, schema, time, OnStep).DeferAsync(held, null, "Could not check Notion for edits before pushing.", false, cancellationToken);
                }

                batches = [.. batches.Where(b => b.Action == CoalescedAction.Create || !waiting.Contains(b.Kind))];
            }

            run.Total = batches.Count;
            var claims = new OutboxClaims(factory, time);
            var owner = OutboxClaims.NewOwner();
            foreach (var batch in batches.OrderBy(b => Array.IndexOf(Order, b.Kind)).ThenBy(b => b.FirstSequence))
            {
                await PushClaimedAsync(new PushOne(notion, factory, schema, time, OnStep), claims, owner, batch, request.DryRun, run, counts, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not SimulatedCrashException)
        {
            run.Requests = (int)(meter.GetSnapshot().Total - before);
            await run.CompleteAsync($"{ex.GetType().Name}: {ex.Message}");
            throw;
        }

        run.Requests = (int)(meter.GetSnapshot().Total - before);
        await run.CompleteAsync();
        var status = run.Errors.Count > 0 ? SyncRunStatus.Partial : SyncRunStatus.Success;
        return new PushReport(run.RunId, status, run.Requests, counts.Created, counts.Updated, counts.Deleted, counts.Failed, counts.Planned, counts.Contended);
    }

    /// <summary>Sends one record's batch while holding its entries, so no other pusher sends them too; a record held elsewhere is skipped.</summary>
    private async Task PushClaimedAsync(
        PushOne step, OutboxClaims claims, string owner, PushBatch batch, bool dryRun, RunHandle run, PushCounts counts, CancellationToken cancellationToken)
    {
        if (!dryRun && !await claims.TryClaimAsync(batch.Kind, batch.EntityId, batch.EntryIds, owner, Lease, cancellationToken))
        {
            counts.Contended++;
            return;
        }

        try
        {
            await step.RunAsync(batch, dryRun, run, counts, cancellationToken);
        }
        finally
        {
            if (!dryRun)
            {
                // Not the request's token: a cancelled push still lets go, or the record waits for the lease.
                await claims.ReleaseAsync(batch.Kind, batch.EntityId, owner, CancellationToken.None);
            }
        }
    }
}

/// <summary>Thrown by tests through <see cref="NotionPusher.OnStep"/> to stand for the process dying at that moment.</summary>
public sealed class SimulatedCrashException(PushStep step) : Exception($"Simulated crash at {step}.")
{
    public PushStep Step { get; } = step;
}

internal sealed class PushCounts
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Deleted { get; set; }

    public int Failed { get; set; }

    /// <summary>Records another pusher held at the time; they go out with that pusher or the next push.</summary>
    public int Contended { get; set; }

    public List<PlannedPush> Planned { get; } = [];
}
