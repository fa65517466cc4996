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
}
