using Hamgam.Core.Sync.Merge;

namespace Hamgam.Core.Tests.Sync.Merge;

public sealed class RecordSnapshotTests
{
    [Fact]
    public void Equals_SameContentDifferentDictionaries_AreEqualWithSameHash()
    {
        var a = new RecordSnapshot(new Dictionary<string, string?> { ["name"] = "a", ["status"] = "b" });
        var b = new RecordSnapshot(new Dictionary<string, string?> { ["status"] = "b", ["name"] = "a" });

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_AbsentFieldAndNullField_AreEqual()
    {
        var a = RecordSnapshot.Of(("name", "a"), ("notes", null));
        var b = RecordSnapshot.Of(("name", "a"));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentValueOrDeletedFlag_AreNotEqual()
    {
        var a = RecordSnapshot.Of(("name", "a"));

        Assert.NotEqual(a, RecordSnapshot.Of(("name", "A")));
        Assert.NotEqual(a, a with { Deleted = true });
        Assert.NotEqual(a, RecordSnapshot.Of(("Name", "a")));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Indexer_MissingField_IsNull()
    {
        Assert.Null(RecordSnapshot.Empty["anything"]);
        Assert.Equal("x", RecordSnapshot.Of(("f", "x"))["f"]);
    }

    [Fact]
    public void Constructor_CopiesTheDictionary()
    {
        var source = new Dictionary<string, string?> { ["name"] = "a" };
        var snapshot = new RecordSnapshot(source);

        source["name"] = "changed";

        Assert.Equal("a", snapshot["name"]);
    }

    [Fact]
    public void WithField_LeavesTheOriginalUntouched()
    {
        var original = RecordSnapshot.Of(("name", "a"));

        var changed = original.WithField("name", "b");

        Assert.Equal("a", original["name"]);
        Assert.Equal("b", changed["name"]);
    }

    [Fact]
    public void ToString_ListsFieldsInOrder()
    {
        var text = RecordSnapshot.Of(("b", "2"), ("a", null)).ToString();

        Assert.Equal("RecordSnapshot { Deleted = False, a = null, b = 2 }", text);
    }
}
