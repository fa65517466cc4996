using Hamgam.Core.Fields;

namespace Hamgam.Core.Sync.Merge;

/// <summary>The stored merge baseline: the field values both sides last agreed on, plus whether the page was trashed.</summary>
public static class Baselines
{
    public static string Write(IReadOnlyDictionary<string, string?> fields, bool deleted)
    {
        var all = new Dictionary<string, string?>(fields, StringComparer.Ordinal)
        {
            [ThreeWayMerge.DeletedField] = deleted ? ThreeWayMerge.TrueValue : ThreeWayMerge.FalseValue,
        };
        return Canonical.Serialize(all);
    }

    public static (Dictionary<string, string?> Fields, bool Deleted) Read(string? baseline)
    {
        var fields = Canonical.Deserialize(baseline);
        var deleted = fields.Remove(ThreeWayMerge.DeletedField, out var flag) && flag == ThreeWayMerge.TrueValue;
        return (fields, deleted);
    }
}
