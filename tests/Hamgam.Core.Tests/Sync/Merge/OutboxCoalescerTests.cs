using Hamgam.Core.Sync.Merge;

namespace Hamgam.Core.Tests.Sync.Merge;

public sealed class OutboxCoalescerTests
{
    private const string Deleted = ThreeWayMerge.DeletedField;

    private static PendingChange Change(long sequence, string key, ChangeKind kind, params (string Field, string? Value)[] fields) =>
        new(sequence, key, kind, fields.ToDictionary(f => f.Field, f => f.Value));

    [Fact]
    public void Coalesce_Nothing_IsEmpty()
    {
        Assert.Empty(OutboxCoalescer.Coalesce([]));
    }

    [Fact]
    public void Coalesce_SingleUpdate_PassesThrough()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce([Change(7, "tasks/1", ChangeKind.Update, ("status", "\"Done\""))]));

        Assert.Equal(CoalescedAction.Update, result.Action);
        Assert.Equal("tasks/1", result.EntityKey);
        Assert.Equal(new Dictionary<string, string?> { ["status"] = "\"Done\"" }, result.Fields);
        Assert.Equal([7L], result.Sequences);
        Assert.Equal(7, result.LastSequence);
    }

    [Fact]
    public void Coalesce_CreateThenUpdates_OneCreateWithFinalFields()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce(
        [
            Change(1, "tasks/1", ChangeKind.Create, ("name", "\"a\""), ("status", "\"Todo\"")),
            Change(2, "tasks/1", ChangeKind.Update, ("status", "\"Doing\"")),
            Change(3, "tasks/1", ChangeKind.Update, ("status", "\"Done\""), ("notes", "\"n\"")),
        ]));

        Assert.Equal(CoalescedAction.Create, result.Action);
        Assert.Equal(new Dictionary<string, string?> { ["name"] = "\"a\"", ["status"] = "\"Done\"", ["notes"] = "\"n\"" }, result.Fields);
        Assert.Equal([1L, 2L, 3L], result.Sequences);
    }

    [Fact]
    public void Coalesce_Updates_UnionOfFieldsLatestValueWinsIncludingClears()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce(
        [
            Change(4, "tasks/1", ChangeKind.Update, ("notes", "\"x\""), ("status", "\"Doing\"")),
            Change(9, "tasks/1", ChangeKind.Update, ("notes", null)),
        ]));

        Assert.Equal(CoalescedAction.Update, result.Action);
        Assert.Equal(new Dictionary<string, string?> { ["notes"] = null, ["status"] = "\"Doing\"" }, result.Fields);
        Assert.Equal(9, result.LastSequence);
    }

    [Fact]
    public void Coalesce_OutOfOrderInput_AppliesInSequenceOrder()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce(
        [
            Change(5, "tasks/1", ChangeKind.Update, ("status", "\"Done\"")),
            Change(2, "tasks/1", ChangeKind.Update, ("status", "\"Doing\"")),
        ]));

        Assert.Equal("\"Done\"", result.Fields["status"]);
        Assert.Equal([2L, 5L], result.Sequences);
    }

    [Fact]
    public void Coalesce_UpdatesThenDelete_OneDeleteWithoutFields()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce(
        [
            Change(1, "tasks/1", ChangeKind.Update, ("status", "\"Done\"")),
            Change(2, "tasks/1", ChangeKind.Delete),
        ]));

        Assert.Equal(CoalescedAction.Delete, result.Action);
        Assert.Empty(result.Fields);
        Assert.Equal([1L, 2L], result.Sequences);
    }

    [Fact]
    public void Coalesce_CreateThenDeleteNeverPushed_DiscardsButReportsSequences()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce(
        [
            Change(1, "tasks/9", ChangeKind.Create, ("name", "\"oops\"")),
            Change(2, "tasks/9", ChangeKind.Update, ("status", "\"Done\"")),
            Change(3, "tasks/9", ChangeKind.Delete),
        ]));

        Assert.Equal(CoalescedAction.Discard, result.Action);
        Assert.Empty(result.Fields);
        Assert.Equal([1L, 2L, 3L], result.Sequences);
    }

    [Fact]
    public void Coalesce_PlainUpdateAfterDelete_DoesNotResurrect()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce(
        [
            Change(1, "habits/3", ChangeKind.Delete),
            Change(2, "habits/3", ChangeKind.Update, ("streak", "4")),
        ]));

        Assert.Equal(CoalescedAction.Delete, result.Action);
        Assert.Equal([1L, 2L], result.Sequences);
    }

    [Fact]
    public void Coalesce_DeleteThenExplicitRestore_UpdateWithUntrashAndAllFields()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce(
        [
            Change(1, "tasks/1", ChangeKind.Update, ("status", "\"Done\"")),
            Change(2, "tasks/1", ChangeKind.Delete),
            Change(3, "tasks/1", ChangeKind.Update, (Deleted, "false"), ("notes", "\"back\"")),
        ]));

        Assert.Equal(CoalescedAction.Update, result.Action);
        Assert.Equal(
            new Dictionary<string, string?> { ["status"] = "\"Done\"", ["notes"] = "\"back\"", [Deleted] = "false" },
            result.Fields);
    }

    [Fact]
    public void Coalesce_RestoreOfEarlierTombstone_CarriesUntrash()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce([Change(8, "tasks/1", ChangeKind.Update, (Deleted, "false"))]));

        Assert.Equal(CoalescedAction.Update, result.Action);
        Assert.Equal(new Dictionary<string, string?> { [Deleted] = "false" }, result.Fields);
    }

    [Fact]
    public void Coalesce_UpdateCarryingDeletedTrue_IsADelete()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce([Change(1, "tasks/1", ChangeKind.Update, (Deleted, "true"))]));

        Assert.Equal(CoalescedAction.Delete, result.Action);
    }

    [Fact]
    public void Coalesce_CreateDeleteRestore_StillACreate()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce(
        [
            Change(1, "tasks/5", ChangeKind.Create, ("name", "\"a\"")),
            Change(2, "tasks/5", ChangeKind.Delete),
            Change(3, "tasks/5", ChangeKind.Update, (Deleted, "false")),
        ]));

        Assert.Equal(CoalescedAction.Create, result.Action);
        Assert.Equal(new Dictionary<string, string?> { ["name"] = "\"a\"" }, result.Fields);
    }

    [Fact]
    public void Coalesce_CreateAfterKnownRecord_IsNeverASecondCreate()
    {
        var result = Assert.Single(OutboxCoalescer.Coalesce(
        [
            Change(1, "tasks/1", ChangeKind.Update, ("status", "\"Done\"")),
            Change(2, "tasks/1", ChangeKind.Create, ("name", "\"a\"")),
        ]));

        Assert.Equal(CoalescedAction.Update, result.Action);
        Assert.Equal("\"a\"", result.Fields["name"]);
    }

    [Fact]
    public void Coalesce_SeveralRecords_OnePerRecordOrderedByFirstSequence()
    {
        var results = OutboxCoalescer.Coalesce(
        [
            Change(1, "projects/1", ChangeKind.Create, ("name", "\"P\"")),
            Change(2, "tasks/1", ChangeKind.Create, ("name", "\"T\""), ("projectId", "\"projects/1\"")),
            Change(3, "projects/1", ChangeKind.Update, ("status", "\"Active\"")),
            Change(4, "tasks/2", ChangeKind.Update, ("status", "\"Done\"")),
            Change(5, "Tasks/2", ChangeKind.Update, ("status", "\"Doing\"")),
        ]);

        Assert.Equal(["projects/1", "tasks/1", "tasks/2", "Tasks/2"], results.Select(r => r.EntityKey));
        Assert.Equal([1L, 3L], results[0].Sequences);
        Assert.Equal(CoalescedAction.Create, results[0].Action);
        Assert.Equal("\"Active\"", results[0].Fields["status"]);
    }
}
