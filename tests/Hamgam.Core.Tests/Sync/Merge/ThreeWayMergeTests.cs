using Hamgam.Core.Sync.Merge;

namespace Hamgam.Core.Tests.Sync.Merge;

public sealed class ThreeWayMergeTests
{
    private static readonly RecordSnapshot Base = RecordSnapshot.Of(
        ("name", "\"Write report\""), ("status", "\"Todo\""), ("tags", "[\"work\"]"), ("notes", "\"draft\""));

    [Fact]
    public void Merge_NothingChanged_IsUnchanged()
    {
        var outcome = ThreeWayMerge.Merge(Base, Base, Base);

        Assert.Equal(MergeKind.Unchanged, outcome.Kind);
        Assert.Equal(Base, outcome.Merged);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Empty(outcome.Conflicts);
        Assert.False(outcome.RequiresPush);
    }

    [Fact]
    public void Merge_OnlyLocalChanged_KeepsLocalAndPushesTheChangedField()
    {
        var local = Base.WithField("status", "\"Done\"");

        var outcome = ThreeWayMerge.Merge(Base, local, Base);

        Assert.Equal(MergeKind.KeepLocal, outcome.Kind);
        Assert.Equal(local, outcome.Merged);
        Assert.Equal(["status"], outcome.FieldsToPush);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_OnlyRemoteChanged_TakesRemote()
    {
        var remote = Base.WithField("name", "\"Write the report\"");

        var outcome = ThreeWayMerge.Merge(Base, Base, remote);

        Assert.Equal(MergeKind.TakeRemote, outcome.Kind);
        Assert.Equal(remote, outcome.Merged);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_DifferentFieldsChangedOnEachSide_KeepsBothAndPushesOnlyLocal()
    {
        var local = Base.WithField("status", "\"Done\"");
        var remote = Base.WithField("name", "\"Write the report\"");

        var outcome = ThreeWayMerge.Merge(Base, local, remote);

        Assert.Equal(MergeKind.Merged, outcome.Kind);
        Assert.Equal("\"Done\"", outcome.Merged["status"]);
        Assert.Equal("\"Write the report\"", outcome.Merged["name"]);
        Assert.Equal(["status"], outcome.FieldsToPush);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_SameFieldSameNewValueOnBothSides_NoConflictNothingToPush()
    {
        var changed = Base.WithField("status", "\"Done\"");

        var outcome = ThreeWayMerge.Merge(Base, changed, changed);

        Assert.Equal(MergeKind.Unchanged, outcome.Kind);
        Assert.Equal(changed, outcome.Merged);
        Assert.Empty(outcome.FieldsToPush);
        Assert.Empty(outcome.Conflicts);
    }

    [Fact]
    public void Merge_SameFieldDifferentValues_RemoteWinsAndConflictHasAllThreeValues()
    {
        var local = Base.WithField("status", "\"Done\"").WithField("notes", "\"final\"");
        var remote = Base.WithField("status", "\"In Progress\"");

        var outcome = ThreeWayMerge.Merge(Base, local, remote);

        Assert.Equal(MergeKind.Conflicted, outcome.Kind);
        Assert.Equal("\"In Progress\"", outcome.Merged["status"]);
        Assert.Equal("\"final\"", outcome.Merged["notes"]);
        Assert.Equal(["notes"], outcome.FieldsToPush);
        var conflict = Assert.Single(outcome.Conflicts);
        Assert.Equal(new FieldConflict("status", "\"Todo\"", "\"Done\"", "\"In Progress\""), conflict);
    }

    [Fact]
    public void Merge_LocalClearedField_PushesTheClear()
    {
        var local = Base.WithField("notes", null);

        var outcome = ThreeWayMerge.Merge(Base, local, Base);

        Assert.Equal(MergeKind.KeepLocal, outcome.Kind);
        Assert.Null(outcome.Merged["notes"]);
        Assert.True(outcome.Merged.Fields.ContainsKey("notes"));
        Assert.Equal(["notes"], outcome.FieldsToPush);
    }

    [Fact]
    public void Merge_LocalClearedWhileRemoteChanged_ConflictCarriesTheNullLocalValue()
    {
        var local = Base.WithField("notes", null);
        var remote = Base.WithField("notes", "\"edited in Notion\"");

        var outcome = ThreeWayMerge.Merge(Base, local, remote);

        Assert.Equal(MergeKind.Conflicted, outcome.Kind);
        Assert.Equal(new FieldConflict("notes", "\"draft\"", null, "\"edited in Notion\""), Assert.Single(outcome.Conflicts));
        Assert.Equal("\"edited in Notion\"", outcome.Merged["notes"]);
    }

    [Fact]
    public void Merge_PropertyAddedInNotionOnly_TakesItsValue()
    {
        var remote = Base.WithField("energyLevel", "\"High\"");

        var outcome = ThreeWayMerge.Merge(Base, Base, remote);

        Assert.Equal(MergeKind.TakeRemote, outcome.Kind);
        Assert.Equal("\"High\"", outcome.Merged["energyLevel"]);
    }

    [Fact]
    public void Merge_FieldPresentOnlyLocally_IsPushed()
    {
        var local = Base.WithField("quickWin", "true");

        var outcome = ThreeWayMerge.Merge(Base, local, Base);

        Assert.Equal(MergeKind.KeepLocal, outcome.Kind);
        Assert.Equal(["quickWin"], outcome.FieldsToPush);
        Assert.Equal("true", outcome.Merged["quickWin"]);
    }

    [Fact]
    public void Merge_AbsentFieldAndExplicitNull_AreTheSame()
    {
        var withNull = Base.WithField("dueDate", null);

        var outcome = ThreeWayMerge.Merge(Base, withNull, Base);

        Assert.Equal(MergeKind.Unchanged, outcome.Kind);
        Assert.Empty(outcome.FieldsToPush);
    }

    [Fact]
    public void Merge_MultiValuedFieldChangedDifferently_ConflictsAsAWhole()
    {
        var local = Base.WithField("tags", "[\"work\",\"urgent\"]");
        var remote = Base.WithField("tags", "[\"work\",\"home\"]");

        var outcome = ThreeWayMerge.Merge(Base, local, remote);

        Assert.Equal(MergeKind.Conflicted, outcome.Kind);
        Assert.Equal("[\"work\",\"home\"]", outcome.Merged["tags"]);
        Assert.Equal(new FieldConflict("tags", "[\"work\"]", "[\"work\",\"urgent\"]", "[\"work\",\"home\"]"), Assert.Single(outcome.Conflicts));
    }

    [Fact]
    public void Merge_MultiValuedFieldChangedLocallyOnly_PushesTheWholeValue()
    {
        var local = Base.WithField("tags", "[\"work\",\"urgent\"]");
        var remote = Base.WithField("status", "\"Doing\"");

        var outcome = ThreeWayMerge.Merge(Base, local, remote);

        Assert.Equal(MergeKind.Merged, outcome.Kind);
        Assert.Equal(["tags"], outcome.FieldsToPush);
        Assert.Equal("[\"work\",\"urgent\"]", outcome.Merged["tags"]);
    }

    [Fact]
    public void Merge_SeveralFields_PushesInOrdinalOrder()
    {
        var local = Base.WithField("status", "\"Done\"").WithField("name", "\"x\"").WithField("notes", "\"y\"");

        var outcome = ThreeWayMerge.Merge(Base, local, Base);

        Assert.Equal(["name", "notes", "status"], outcome.FieldsToPush);
    }
}
