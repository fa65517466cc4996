using System.Text.Json.Nodes;
using Hamgam.Core.Fields;

namespace Hamgam.Core.Tests.Faults;

/// <summary>
/// Reads a task page of the emulator's workspace into canonical field values, independently of the engine's own mapping,
/// so that Notion and the database are compared by the test, not by the code under test.
/// </summary>
internal static class TaskPageValues
{
    /// <summary>Every task field; the relation as the local id of the related project (via <paramref name="projectIds"/>).</summary>
    public static Dictionary<string, string?> Read(JsonNode page, IReadOnlyDictionary<string, Guid> projectIds)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in EntityFields.Tasks.Fields)
        {
            values[field.Name] = Read(page["properties"]![field.DefaultNotionProperty]!, field.Kind, projectIds);
        }

        return values;
    }

    public static string? Read(JsonNode property, FieldKind kind, IReadOnlyDictionary<string, Guid>? projectIds = null) => kind switch
    {
        FieldKind.Title => Canonical.Text(PlainText(property["title"])),
        FieldKind.Text => Canonical.Text(PlainText(property["rich_text"])),
        FieldKind.Select => property["select"]?["name"]?.GetValue<string>(),
        FieldKind.Status => (property["status"] ?? property["select"])?["name"]?.GetValue<string>(),
        FieldKind.MultiSelect => Canonical.List([.. property["multi_select"]!.AsArray().Select(o => o!["name"]!.GetValue<string>())]),
        FieldKind.Date => property["date"]?["start"]?.GetValue<string>(),
        FieldKind.Checkbox => Canonical.Bool(property["checkbox"]!.GetValue<bool>()),
        FieldKind.Relation => property["relation"]!.AsArray().Select(r => r!["id"]!.GetValue<string>())
            .Select(id => projectIds!.TryGetValue(id, out var local) ? Canonical.Id(local) : "unknown page " + id).FirstOrDefault(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Title(JsonNode page) => PlainText(page["properties"]!["Name"]!["title"]);

    private static string PlainText(JsonNode? segments) =>
        string.Concat(segments!.AsArray().Select(t => t!["plain_text"]?.GetValue<string>() ?? t!["text"]!["content"]!.GetValue<string>()));
}
