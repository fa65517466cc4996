using Hamgam.Core.Sync.Merge;

namespace Hamgam.Core.Tests.Sync.Merge;

public sealed class ThreeWayMergeDeleteTests
{
    private static readonly RecordSnapshot Base = RecordSnapshot.Of(("name", "\"Gym\""), ("status", "\"Todo\""));

    [Fact]
    public void Merge_RemoteTrashedLocalUnchanged_DeletesLocally()
    {
        var remote = Base with { Deleted = true };

        var outcome = ThreeWayMerge.Merge(Base, Base, remote);

        Assert.Equal(MergeKind.RemoteTrashed, outcome.Kind);
        Assert.True(outcome.Merged.Deleted);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_RemoteTrashedWhileLocalEdited_DeletedButEditsAndDeleteGoToInbox()
    {
        var local = Base.WithField("status", "\"Done\"");
        var remote = Base with { Deleted = true };

        var outcome = ThreeWayMerge.Merge(Base, local, remote);

        Assert.Equal(MergeKind.RemoteTrashedWhileLocalEdited, outcome.Kind);
        Assert.Equal(remote, outcome.Merged);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Equal(
            [
                new FieldConflict(ThreeWayMerge.DeletedField, "false", "false", "true"),
                new FieldConflict("status", "\"Todo\"", "\"Done\"", "\"Todo\""),
            ],
            outcome.Conflicts);
    }

    [Fact]
    public void Merge_RemoteTrashedAfterSameEditAsLocal_NothingIsLostSoPlainTrash()
    {
        var local = Base.WithField("status", "\"Done\"");
        var remote = local with { Deleted = true };

        var outcome = ThreeWayMerge.Merge(Base, local, remote);

        Assert.Equal(MergeKind.RemoteTrashed, outcome.Kind);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_LocalDeletedRemoteUnchanged_PushesTheTrash()
    {
        var local = Base with { Deleted = true };

        var outcome = ThreeWayMerge.Merge(Base, local, Base);

        Assert.Equal(MergeKind.LocalDeleted, outcome.Kind);
        Assert.True(outcome.Merged.Deleted);
        Assert.Equal([ThreeWayMerge.DeletedField], outcome.FieldsToPush);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_LocalDeletedWhileRemoteEdited_RemoteWinsRecordStaysConflictRecorded()
    {
        var local = Base with { Deleted = true };
        var remote = Base.WithField("name", "\"Gym at 7\"");

        var outcome = ThreeWayMerge.Merge(Base, local, remote);

        Assert.Equal(MergeKind.LocalDeletedWhileRemoteEdited, outcome.Kind);
        Assert.Equal(remote, outcome.Merged);
        Assert.False(outcome.Merged.Deleted);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Equal(new FieldConflict(ThreeWayMerge.DeletedField, "false", "true", "false"), Assert.Single(outcome.Conflicts));
    }

    [Fact]
    public void Merge_BothDeleted_KeepsTombstoneAndPushesNothing()
    {
        var local = Base with { Deleted = true };
        var remote = Base.WithField("status", "\"Done\"") with { Deleted = true };

        var outcome = ThreeWayMerge.Merge(Base, local, remote);

        Assert.Equal(MergeKind.BothDeleted, outcome.Kind);
        Assert.Equal(remote, outcome.Merged);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_DeletedBaselineStillDeletedOnBothSides_IsUnchanged()
    {
        var tombstone = Base with { Deleted = true };

        var outcome = ThreeWayMerge.Merge(tombstone, tombstone, tombstone);

        Assert.Equal(MergeKind.Unchanged, outcome.Kind);
    }

    [Fact]
    public void Merge_RestoredInNotion_TakesTheRestore()
    {
        var tombstone = Base with { Deleted = true };

        var outcome = ThreeWayMerge.Merge(tombstone, tombstone, Base);

        Assert.Equal(MergeKind.TakeRemote, outcome.Kind);
        Assert.False(outcome.Merged.Deleted);
        Assert.Empty(outcome.FieldsToPush);
    }

    [Fact]
    public void Merge_RestoredLocallyWithAnEdit_PushesUntrashFirstThenTheEdit()
    {
        var tombstone = Base with { Deleted = true };
        var local = Base.WithField("status", "\"Done\"");

        var outcome = ThreeWayMerge.Merge(tombstone, local, tombstone);

        Assert.Equal(MergeKind.KeepLocal, outcome.Kind);
        Assert.False(outcome.Merged.Deleted);
        Assert.Equal([ThreeWayMerge.DeletedField, "status"], outcome.FieldsToPush);
    }

    [Fact]
    public void Merge_LocalEditToATombstoneStillTrashedInNotion_IsAConflictNotAPush()
    {
        var tombstone = Base with { Deleted = true };
        var local = tombstone.WithField("status", "\"Done\"");

        var outcome = ThreeWayMerge.Merge(tombstone, local, tombstone);

        Assert.Equal(MergeKind.Conflicted, outcome.Kind);
        Assert.Equal(tombstone, outcome.Merged);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Equal(new FieldConflict("status", "\"Todo\"", "\"Done\"", "\"Todo\""), Assert.Single(outcome.Conflicts));
    }
}
