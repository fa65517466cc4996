using Hamgam.Core.Fields;
using Hamgam.Notion;

namespace Hamgam.Core.Sync.Mapping;

/// <summary>
/// Binds each field to a property of the data source's schema: first by the property id remembered from earlier
/// pulls (so a rename in Notion changes nothing), then by the configured name. Optional fields whose property is
/// absent stay unbound (a problem to report when it was bound before, i.e. deleted in Notion); a property of the wrong
/// type is a problem to report, and its field is left out.
/// </summary>
public static class BindingResolver
{
    public static (SchemaBindings Bindings, IReadOnlyList<string> Problems) Resolve(
        EntityFieldSet fields, NotionSyncOptions options, NotionDataSource dataSource, SchemaBindings? remembered)
    {
        var properties = dataSource.Properties.Values.ToList();
        var bindings = new List<PropertyBinding>();
        var problems = new List<string>();
        foreach (var field in fields.Fields)
        {
            var name = options.PropertyName(fields.Kind, field.Name, field.DefaultNotionProperty);
            var property = remembered?.For(field.Name) is { } known ? properties.FirstOrDefault(p => p.Id == known.Id) : null;
            property ??= properties.FirstOrDefault(p => p.Name == name);
            if (property is null && field.Kind == FieldKind.Title)
            {
                property = properties.FirstOrDefault(p => p.Type == PropertyType.Title);
            }

            if (property is null)
            {
                if (field.Required)
                {
                    problems.Add($"{fields.Kind}: the data source has no property '{name}' for {field.Name}.");
                }
                else if (remembered?.For(field.Name) is { } gone)
                {
                    // Bound until now: say so once, rather than let the field silently stop syncing.
                    problems.Add($"{fields.Kind}: property '{gone.Name}' ({field.Name}) is gone from the data source (deleted in Notion?); the field is not synced until it is back.");
                }

                continue;
            }

            if (!SchemaBindings.Accepts(field.Kind, property.Type.Value))
            {
                problems.Add($"{fields.Kind}: property '{property.Name}' is {property.Type.Value}; {field.Name} needs {Expected(field.Kind)}. The field is not synced until the type is fixed.");
                continue;
            }

            bindings.Add(new PropertyBinding(field.Name, property.Id, property.Name, property.Type.Value, CompleteOptions(property)));
        }

        return (new SchemaBindings(bindings), problems);
    }

    // Notion names the done group of a status property "Complete" (with "To-do" and "In progress").
    private static IReadOnlyList<string>? CompleteOptions(PropertySchema property) =>
        property.Type == PropertyType.Status && property.Groups.FirstOrDefault(g => g.Name == "Complete") is { } complete
            ? [.. property.Options.Where(o => o.Id is { } id && complete.OptionIds.Contains(id)).Select(o => o.Name)]
            : null;

    private static string Expected(FieldKind kind) => kind switch
    {
        FieldKind.Status or FieldKind.Select => "select or status",
        FieldKind.Text => "rich_text",
        FieldKind.MultiSelect => "multi_select",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
