using Hamgam.Core.Sync.Merge;

namespace Hamgam.Core.Tests.Sync.Merge;

public sealed class ThreeWayMergeNoBaselineTests
{
    private static readonly RecordSnapshot Remote = RecordSnapshot.Of(("name", "\"Read\""), ("status", "\"Todo\""));

    [Fact]
    public void Merge_NoBaselineEmptyLocal_TakesRemoteWithoutConflicts()
    {
        var outcome = ThreeWayMerge.Merge(null, RecordSnapshot.Empty, Remote);

        Assert.Equal(MergeKind.TakeRemote, outcome.Kind);
        Assert.Equal(Remote, outcome.Merged);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_NoBaselineLocalEqualsRemote_IsUnchanged()
    {
        var outcome = ThreeWayMerge.Merge(null, Remote, Remote);

        Assert.Equal(MergeKind.Unchanged, outcome.Kind);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_NoBaselineLocalDiffers_RemoteWinsAndLocalValuesGoToInbox()
    {
        var local = RecordSnapshot.Of(("name", "\"Read\""), ("status", "\"Done\""), ("notes", "\"p. 40\""), ("tags", null));

        var outcome = ThreeWayMerge.Merge(null, local, Remote);

        Assert.Equal(MergeKind.Conflicted, outcome.Kind);
        Assert.Equal(Remote, outcome.Merged);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Equal(
            [new FieldConflict("notes", null, "\"p. 40\"", null), new FieldConflict("status", null, "\"Done\"", "\"Todo\"")],
            outcome.Conflicts);
    }

    [Fact]
    public void Merge_NoBaselineLocalEmptyWhereRemoteHasValue_IsNotAConflict()
    {
        var local = RecordSnapshot.Of(("name", "\"Read\""));

        var outcome = ThreeWayMerge.Merge(null, local, Remote);

        Assert.Equal(MergeKind.TakeRemote, outcome.Kind);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_NoBaselineRemoteTrashedLocalHasNothingElse_IsPlainTrash()
    {
        var outcome = ThreeWayMerge.Merge(null, Remote, Remote with { Deleted = true });

        Assert.Equal(MergeKind.RemoteTrashed, outcome.Kind);
        Assert.True(outcome.Merged.Deleted);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_NoBaselineRemoteTrashedLocalDiffers_TrashWithInboxEntries()
    {
        var local = Remote.WithField("status", "\"Done\"");

        var outcome = ThreeWayMerge.Merge(null, local, Remote with { Deleted = true });

        Assert.Equal(MergeKind.RemoteTrashedWhileLocalEdited, outcome.Kind);
        Assert.True(outcome.Merged.Deleted);
        Assert.Equal(
            [new FieldConflict(ThreeWayMerge.DeletedField, null, "false", "true"), new FieldConflict("status", null, "\"Done\"", "\"Todo\"")],
            outcome.Conflicts);
    }

    [Fact]
    public void Merge_NoBaselineLocalDeleted_RemoteWinsAndDeleteGoesToInbox()
    {
        var outcome = ThreeWayMerge.Merge(null, Remote with { Deleted = true }, Remote);

        Assert.Equal(MergeKind.LocalDeletedWhileRemoteEdited, outcome.Kind);
        Assert.False(outcome.Merged.Deleted);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Equal(new FieldConflict(ThreeWayMerge.DeletedField, null, "true", "false"), Assert.Single(outcome.Conflicts));
    }

    [Fact]
    public void Merge_NoBaselineBothDeleted_IsBothDeleted()
    {
        var outcome = ThreeWayMerge.Merge(null, RecordSnapshot.Empty with { Deleted = true }, Remote with { Deleted = true });

        Assert.Equal(MergeKind.BothDeleted, outcome.Kind);
        Assert.Empty(outcome.Conflicts);
    }
}
