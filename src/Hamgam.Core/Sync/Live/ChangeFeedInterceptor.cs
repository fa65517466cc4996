using System.Data.Common;
using System.Runtime.CompilerServices;
using Hamgam.Core.Data;
using Hamgam.Core.Runs;
using Hamgam.Core.Settings;
using Hamgam.Core.Sync.Conflicts;
using Hamgam.Core.Sync.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hamgam.Core.Sync.Live;

/// <summary>
/// Publishes to the <see cref="ChangeFeed"/> what each save touched, once it is committed: right after SaveChanges, or,
/// inside an explicit transaction, when that transaction commits (a rolled-back change is never announced).
/// </summary>
public sealed class ChangeFeedInterceptor(ChangeFeed feed) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                pending.Saving |= TopicOf(entry.Entity);
                pending.SavingOutbox |= entry is { Entity: OutboxEntry { State: OutboxState.Pending }, State: EntityState.Added };
            }
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        pending.Committed |= pending.Saving;
        pending.CommittedOutbox |= pending.SavingOutbox;
        pending.Saving = LiveTopics.None;
        pending.SavingOutbox = false;
        if (context.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        // SaveChanges commits its own transaction before SavedChanges runs: what is still being saved waits for that.
        var change = new LiveChange(pending.Committed, pending.CommittedOutbox, FromOtherInstance: false);
        pending.Committed = LiveTopics.None;
        pending.CommittedOutbox = false;
        if (pending.Saving == LiveTopics.None)
        {
            _pending.Remove(context);
        }

        feed.Publish(change);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private static LiveTopics TopicOf(object entity) => entity switch
    {
        SyncedEntity synced => LocalChanges.KindOf(synced).ToTopic(),
        OutboxEntry outbox => LiveTopics.Outbox | outbox.EntityKind.ToTopic(),
        Habits.HabitCheckIn => LiveTopics.Habits,
        SyncRun or SyncRunError => LiveTopics.Runs,
        SyncConflict => LiveTopics.Conflicts,
        StoredSetting or AppSetting => LiveTopics.Settings,
        _ => LiveTopics.None,
    };

    private sealed class Pending
    {
        public LiveTopics Saving { get; set; }

        public bool SavingOutbox { get; set; }

        public LiveTopics Committed { get; set; }

        public bool CommittedOutbox { get; set; }
    }
}
