using Hamgam.Core.Sync.Merge;

namespace Hamgam.Core.Tests.Sync.Merge;

// Property tests over random snapshots; seeded so that a failure reproduces.
public sealed class ThreeWayMergePropertyTests
{
    private const int Runs = 2000;
    private static readonly string[] FieldNames = ["name", "status", "tags", "notes", "dueDate"];
    private static readonly string?[] Values = [null, "\"a\"", "\"b\"", "[\"x\",\"y\"]"];

    public static TheoryData<int> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merge_LocalEqualsRemote_NeverConflictsOrPushes(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Runs; i++)
        {
            var baseline = RandomSnapshot(random);
            var same = RandomSnapshot(random);

            var outcome = ThreeWayMerge.Merge(baseline, same, same);

            Assert.Empty(outcome.Conflicts);
            Assert.Empty(outcome.FieldsToPush);
            Assert.Equal(same, outcome.Merged);
            Assert.Contains(outcome.Kind, new[] { MergeKind.Unchanged, MergeKind.BothDeleted });
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merge_LocalEqualsBaseline_TakesRemote(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Runs; i++)
        {
            var baseline = RandomSnapshot(random);
            var remote = RandomSnapshot(random);

            var outcome = ThreeWayMerge.Merge(baseline, baseline, remote);

            Assert.Equal(remote, outcome.Merged);
            Assert.Empty(outcome.Conflicts);
            Assert.Empty(outcome.FieldsToPush);
            var expected = remote.Equals(baseline) ? MergeKind.Unchanged
                : remote.Deleted && !baseline.Deleted ? MergeKind.RemoteTrashed
                : MergeKind.TakeRemote;
            Assert.Equal(expected, outcome.Kind);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merge_RemoteEqualsBaseline_PushesExactlyTheChangedFields(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Runs; i++)
        {
            var baseline = RandomSnapshot(random, deletedChance: 0);
            var local = RandomSnapshot(random, deletedChance: 0);

            var outcome = ThreeWayMerge.Merge(baseline, local, baseline);

            var changed = FieldNames.Where(f => local[f] != baseline[f]).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(changed, outcome.FieldsToPush);
            Assert.Equal(local, outcome.Merged);
            Assert.Empty(outcome.Conflicts);
            Assert.Equal(changed.Length == 0 ? MergeKind.Unchanged : MergeKind.KeepLocal, outcome.Kind);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merge_LiveRecords_EveryFieldFollowsTheRules(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Runs; i++)
        {
            var (b, l, r) = (RandomSnapshot(random, 0), RandomSnapshot(random, 0), RandomSnapshot(random, 0));

            var outcome = ThreeWayMerge.Merge(b, l, r);

            foreach (var f in FieldNames)
            {
                var localChanged = l[f] != b[f];
                var remoteChanged = r[f] != b[f];
                Assert.Equal(localChanged && !remoteChanged ? l[f] : r[f], outcome.Merged[f]);
                Assert.Equal(localChanged && !remoteChanged, outcome.FieldsToPush.Contains(f));
                var conflicting = localChanged && remoteChanged && l[f] != r[f];
                Assert.Equal(conflicting, outcome.Conflicts.Contains(new FieldConflict(f, b[f], l[f], r[f])));
            }

            Assert.Equal(outcome.Conflicts.Count > 0, outcome.Kind == MergeKind.Conflicted);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Merge_AnyInput_NeverPushesAConflictedFieldAndNeverPushesIntoTrash(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Runs; i++)
        {
            var baseline = random.Next(5) == 0 ? null : RandomSnapshot(random);
            var (l, r) = (RandomSnapshot(random), RandomSnapshot(random));

            var outcome = ThreeWayMerge.Merge(baseline, l, r);

            Assert.Empty(outcome.FieldsToPush.Intersect(outcome.Conflicts.Select(c => c.Field)));
            if (outcome.Merged.Deleted)
            {
                Assert.All(outcome.FieldsToPush, f => Assert.Equal(ThreeWayMerge.DeletedField, f));
            }

            if (baseline is null)
            {
                Assert.Equal(r, outcome.Merged);
                Assert.Empty(outcome.FieldsToPush);
            }
        }
    }

    private static RecordSnapshot RandomSnapshot(Random random, int deletedChance = 6)
    {
        var fields = FieldNames
            .Where(_ => random.Next(4) != 0)
            .ToDictionary(f => f, _ => Values[random.Next(Values.Length)]);
        return new RecordSnapshot(fields, deletedChance > 0 && random.Next(deletedChance) == 0);
    }
}
