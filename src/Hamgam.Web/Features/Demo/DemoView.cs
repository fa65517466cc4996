using System.Text.Json.Nodes;
using Hamgam.Web.Infrastructure.Demo;

namespace Hamgam.Web.Features.Demo;

/// <summary>A snapshot of the emulated Notion (pages per database, main columns) and the emulated Sheet (every tab).</summary>
public sealed record DemoView(IReadOnlyList<DemoView.Source> Sources, IReadOnlyList<DemoView.Tab> Tabs)
{
    private static readonly string[] PreferredColumns = ["Name", "Habit Name", "Status", "Date", "Due Date", "Energy Level", "Quick Win", "Streak", "Mood", "Energy", "Related Project"];

    public static DemoView Empty { get; } = new([], []);

    public static DemoView Read(DemoEndpoints demo)
    {
        var sources = demo.Notion.Workspace.ListDataSources().Select(s =>
        {
            var pages = demo.Notion.Workspace.ListPages(s.DataSourceId);
            var columns = pages.Count > 0 && pages[0]["properties"] is JsonObject properties
                ? PreferredColumns.Where(properties.ContainsKey).ToList()
                : [];
            var rows = pages.Select(p => new Row(
                [.. columns.Select(c => Plain(p["properties"]?[c]))],
                (string?)p["last_edited_time"] ?? "")).OrderByDescending(r => r.LastEdited, StringComparer.Ordinal).ToList();
            return new Source(s.Title, columns, rows);
        }).ToList();
        var tabs = demo.Sheets.Spreadsheets.GetTabs(demo.SpreadsheetId)
            .Select(t => new Tab(t.Title, demo.Sheets.Spreadsheets.ReadCells(demo.SpreadsheetId, t.Title)))
            .Where(t => t.Rows.Length > 0).ToList();
        return new DemoView(sources, tabs);
    }

    /// <summary>A property value (response-shaped JSON) as plain text.</summary>
    public static string Plain(JsonNode? property)
    {
        if (property is not JsonObject p || (string?)p["type"] is not { } type)
        {
            return "";
        }

        var value = p[type];
        return type switch
        {
            "title" or "rich_text" => string.Concat((value as JsonArray ?? []).Select(t => (string?)t?["plain_text"])),
            "select" or "status" => (string?)value?["name"] ?? "",
            "multi_select" => string.Join("، ", (value as JsonArray ?? []).Select(o => (string?)o?["name"])),
            "date" => (string?)value?["start"] ?? "",
            "checkbox" => value?.GetValue<bool>() == true ? "✓" : "",
            "number" => value is JsonValue n ? n.ToJsonString() : "",
            "relation" => (value as JsonArray)?.Count is > 0 and var count ? $"→ {count}" : "",
            _ => value?.ToJsonString() ?? "",
        };
    }

    public sealed record Source(string Title, IReadOnlyList<string> Columns, IReadOnlyList<Row> Pages);

    public sealed record Row(IReadOnlyList<string> Values, string LastEdited);

    public sealed record Tab(string Title, string[][] Rows);
}
