using Hamgam.Core.Data;
using Hamgam.Core.Sync.Live;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Tests.Sync.Live;

/// <summary>Committed changes are announced with what they touched; uncommitted ones never are.</summary>
public sealed class ChangeFeedTests
{
    [Theory, OnAllDatabases]
    public async Task LocalCreate_IsAnnouncedOnce_WithItsKind_TheOutbox_AndThatItQueuedWork(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var seen = Record(db.Changes);

        await new LocalChanges(db.Factory, db.Time).CreateAsync(EntityKind.Task, new Dictionary<string, string?> { ["name"] = "تازه" });

        var change = Assert.Single(seen);
        Assert.Equal(LiveTopics.Tasks | LiveTopics.Outbox, change.Topics);
        Assert.True(change.OutboxQueued);
        Assert.False(change.FromOtherInstance);
    }

    [Theory, OnAllDatabases]
    public async Task ChangeInsideATransaction_IsAnnouncedAtCommit_AndARollbackIsNeverAnnounced(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var seen = Record(db.Changes);
        var changes = new LocalChanges(db.Factory, db.Time);

        await using (var context = db.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            changes.Create(context, EntityKind.Habit, new Dictionary<string, string?> { ["name"] = "برگشت" }, LocalChanges.InteractivePriority);
            await context.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(seen);
        await using (var context = db.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            changes.Create(context, EntityKind.Project, new Dictionary<string, string?> { ["name"] = "ماند" }, LocalChanges.InteractivePriority);
            await context.SaveChangesAsync();
            Assert.Empty(seen);
            await transaction.CommitAsync();
        }

        Assert.Equal(LiveTopics.Projects | LiveTopics.Outbox, Assert.Single(seen).Topics);
    }

    [Theory, OnAllDatabases]
    public async Task PushMarkingEntriesDone_IsAnnouncedAsOutboxChange_WithoutQueuingWork(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await new LocalChanges(db.Factory, db.Time).CreateAsync(EntityKind.DailyLog, new Dictionary<string, string?> { ["name"] = "امروز" });
        var seen = Record(db.Changes);

        await using (var context = db.CreateContext())
        {
            foreach (var entry in await context.Outbox.ToListAsync())
            {
                entry.State = OutboxState.Done;
            }

            await context.SaveChangesAsync();
        }

        var change = Assert.Single(seen);
        Assert.Equal(LiveTopics.DailyLogs | LiveTopics.Outbox, change.Topics);
        Assert.False(change.OutboxQueued);
    }

    private static List<LiveChange> Record(ChangeFeed feed)
    {
        var seen = new List<LiveChange>();
        feed.Changed += c =>
        {
            lock (seen)
            {
                seen.Add(c);
            }
        };
        return seen;
    }
}
