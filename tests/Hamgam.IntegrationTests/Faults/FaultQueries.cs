using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;

namespace Hamgam.IntegrationTests.Faults;

/// <summary>Reading rows by kind, and Notion property JSON to and from canonical values, independently of the sync engine.</summary>
internal static class FaultQueries
{
    public static IQueryable<SyncedEntity> Rows(HamgamDb db, EntityKind kind) => kind switch
    {
        EntityKind.Task => db.Tasks,
        EntityKind.Project => db.Projects,
        EntityKind.Habit => db.Habits,
        _ => db.DailyLogs,
    };

    public static string PlainText(JsonNode? richText) =>
        string.Concat((richText?.AsArray() ?? []).Select(t => t!["plain_text"]!.GetValue<string>()));

    /// <summary>A request-shaped property value (as the Notion UI would write it) for a canonical value.</summary>
    public static JsonObject PropertyValue(FieldKind kind, string? value) => kind switch
    {
        FieldKind.Title => new JsonObject { ["title"] = RichText(value) },
        FieldKind.Text => new JsonObject { ["rich_text"] = RichText(value) },
        FieldKind.Select => new JsonObject { ["select"] = value is null ? null : new JsonObject { ["name"] = value } },
        FieldKind.Status => new JsonObject { ["status"] = value is null ? null : new JsonObject { ["name"] = value } },
        FieldKind.Date => new JsonObject { ["date"] = value is null ? null : new JsonObject { ["start"] = value } },
        FieldKind.Number => new JsonObject { ["number"] = Canonical.ParseNumber(value) },
        FieldKind.Checkbox => new JsonObject { ["checkbox"] = Canonical.ParseBool(value) },
        FieldKind.MultiSelect => new JsonObject
        {
            ["multi_select"] = new JsonArray([.. Canonical.ParseList(value).Select(n => (JsonNode)new JsonObject { ["name"] = n })]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not written by the fault test."),
    };

    /// <summary>
    /// A page's fields as the dashboard would hold them: each property read into its canonical value and set on a
    /// blank entity (so "no number" and 0 compare as the dashboard stores them), relations mapped to local ids.
    /// </summary>
    public static Dictionary<string, string?> Snapshot(JsonObject page, EntityFieldSet fields, IReadOnlyDictionary<string, Guid> projectsByPage)
    {
        var blank = (SyncedEntity)Activator.CreateInstance(fields.ClrType)!;
        var properties = page["properties"]!;
        foreach (var field in fields.Fields)
        {
            field.Set(blank, ReadValue(properties[field.DefaultNotionProperty], field.Kind, projectsByPage));
        }

        return fields.Snapshot(blank);
    }

    private static string? ReadValue(JsonNode? property, FieldKind kind, IReadOnlyDictionary<string, Guid> projectsByPage) => kind switch
    {
        _ when property is null => null,
        FieldKind.Title => Canonical.Text(PlainText(property["title"])),
        FieldKind.Text => Canonical.Text(PlainText(property["rich_text"])),
        FieldKind.Select => property["select"]?["name"]?.GetValue<string>(),
        FieldKind.Status => property["status"]?["name"]?.GetValue<string>(),
        FieldKind.Date => property["date"]?["start"]?.GetValue<string>() is { } start ? Canonical.Date(FlexDate.Parse(start)) : null,
        FieldKind.Number => Canonical.Number(property["number"]?.GetValue<double>()),
        FieldKind.Checkbox => Canonical.Bool(property["checkbox"]!.GetValue<bool>()),
        FieldKind.MultiSelect => Canonical.List([.. property["multi_select"]!.AsArray().Select(o => o!["name"]!.GetValue<string>())]),
        FieldKind.Relation => property["relation"]!.AsArray().FirstOrDefault() is { } first
            ? Canonical.Id(projectsByPage.TryGetValue(PageKey(first["id"]!.GetValue<string>()), out var id) ? id : Guid.Empty)
            : null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A page id in one form (Notion answers with dashes and accepts either).</summary>
    public static string PageKey(string notionId) => notionId.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    private static JsonArray RichText(string? text) => text is null
        ? []
        : [new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["content"] = text } }];
}
