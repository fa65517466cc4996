using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Mapping;
using Hamgam.Core.Sync.Merge;
using Hamgam.Notion;

namespace Hamgam.Core.Sync.Push;

/// <summary>Builds the properties of a create or update from the row's current values, for the named fields only.</summary>
internal static class PageWriter
{
    /// <returns>Null when a relation points at a project that has no Notion page yet (push it later).</returns>
    public static Dictionary<string, PropertyInput>? Build(
        EntityFieldSet fields, SchemaBindings bindings, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<Guid, string?> projectPages)
    {
        var properties = new Dictionary<string, PropertyInput>(StringComparer.Ordinal);
        foreach (var (name, value) in values.Where(v => v.Key != ThreeWayMerge.DeletedField))
        {
            if (fields.Find(name) is not { } field || bindings.For(name) is not { } binding)
            {
                continue;
            }

            IReadOnlyList<string>? related = null;
            if (field.Kind == FieldKind.Relation)
            {
                var projectId = Canonical.ParseId(value);
                if (projectId is { } id && projectPages.GetValueOrDefault(id) is not { } page)
                {
                    return null;
                }

                related = projectId is { } pid ? [projectPages[pid]!] : [];
            }

            properties[binding.Id] = NotionValues.Write(field.Kind, binding.Type, value, related);
        }

        return properties;
    }

    /// <summary>
    /// What one request may carry: Notion refuses a body over 500 KB (400 validation_error, or 413). The margin covers
    /// the envelope (parent, in_trash) and any difference between 500 KB read as 500,000 or 512,000 bytes.
    /// </summary>
    public const int MaxPropertiesBytes = 450_000;

    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Splits properties over as few requests as fit <paramref name="maxBytes"/> each (UTF-8, as sent), in order, with
    /// <paramref name="firstKey"/> (the title, which a create needs) in the first. One property never exceeds the limit:
    /// 100 text items of 2,000 characters of at most 3 UTF-8 bytes each, and local text is shorter still.
    /// </summary>
    public static List<Dictionary<string, PropertyInput>> Split(
        Dictionary<string, PropertyInput> properties, string? firstKey, int maxBytes = MaxPropertiesBytes)
    {
        var parts = new List<Dictionary<string, PropertyInput>> { new(StringComparer.Ordinal) };
        var bytes = 0;
        foreach (var (key, input) in properties.OrderBy(p => p.Key == firstKey ? 0 : 1))
        {
            var size = Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(input.ToJson().ToJsonString(Wire)) + 4;
            if (parts[^1].Count > 0 && bytes + size > maxBytes)
            {
                parts.Add(new(StringComparer.Ordinal));
                bytes = 0;
            }

            parts[^1][key] = input;
            bytes += size;
        }

        return parts;
    }
}
