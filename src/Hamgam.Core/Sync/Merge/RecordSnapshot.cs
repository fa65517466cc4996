using System.Collections.ObjectModel;
using System.Text;

namespace Hamgam.Core.Sync.Merge;

/// <summary>
/// One record's syncable state at a moment: each field as a canonical string (e.g. the JSON of its
/// value), keyed by a stable logical name ("name", "status", "context", …), plus whether the record
/// is deleted (trashed in Notion, tombstoned locally).
/// </summary>
/// <remarks>
/// A field that is absent and a field whose value is <see langword="null"/> mean the same thing: empty
/// or cleared. Equality is by content under that rule: same <see cref="Deleted"/> flag and, for every
/// field name, the same value (ordinal string comparison). Field names are case-sensitive. A
/// multi-valued field (tags, context) is compared as a whole string, so the caller decides whether
/// order matters when it builds the canonical string (sort the values if it must not).
/// The snapshot copies the dictionary it is given, so later changes to that dictionary do not leak in.
/// </remarks>
public sealed record RecordSnapshot
{
    private static readonly IReadOnlyDictionary<string, string?> NoFields =
        new ReadOnlyDictionary<string, string?>(new Dictionary<string, string?>(StringComparer.Ordinal));

    /// <summary>Creates a snapshot of <paramref name="fields"/>.</summary>
    /// <param name="fields">Field name to canonical value; null values mean empty.</param>
    /// <param name="deleted">Whether the record is deleted.</param>
    public RecordSnapshot(IReadOnlyDictionary<string, string?> fields, bool deleted = false)
    {
        Fields = fields;
        Deleted = deleted;
    }

    /// <summary>A live record with no values.</summary>
    public static RecordSnapshot Empty { get; } = new(NoFields);

    /// <summary>The fields, by logical name (an ordinal, read-only copy).</summary>
    public IReadOnlyDictionary<string, string?> Fields
    {
        get;
        init => field = Copy(value);
    }

    /// <summary>True when the record is deleted (in Notion's trash, or a local tombstone).</summary>
    public bool Deleted { get; init; }

    /// <summary>The value of <paramref name="fieldName"/>, or null when it is empty or absent.</summary>
    public string? this[string fieldName] => Fields.TryGetValue(fieldName, out var value) ? value : null;

    /// <summary>A copy with <paramref name="fieldName"/> set to <paramref name="value"/> (null clears it).</summary>
    public RecordSnapshot WithField(string fieldName, string? value) =>
        new(new Dictionary<string, string?>(Fields, StringComparer.Ordinal) { [fieldName] = value }, Deleted);

    /// <summary>Creates a live snapshot from name/value pairs; a convenience for callers and tests.</summary>
    public static RecordSnapshot Of(params (string Field, string? Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new(fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal));
    }

    /// <inheritdoc />
    public bool Equals(RecordSnapshot? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || Deleted != other.Deleted)
        {
            return false;
        }

        return Fields.Keys.All(k => string.Equals(this[k], other[k], StringComparison.Ordinal))
            && other.Fields.Keys.All(k => string.Equals(this[k], other[k], StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Deleted);
        foreach (var (key, value) in Fields.Where(f => f.Value is not null).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Deleted = ").Append(Deleted);
        foreach (var (key, value) in Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            builder.Append(", ").Append(key).Append(" = ").Append(value ?? "null");
        }

        return true;
    }

    private static ReadOnlyDictionary<string, string?> Copy(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new ReadOnlyDictionary<string, string?>(new Dictionary<string, string?>(fields, StringComparer.Ordinal));
    }
}
