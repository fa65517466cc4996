using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Hamgam.Emulators.Sheets;

/// <summary>An HTML page at <c>/_emulator</c> listing every spreadsheet, its tabs and their first rows.</summary>
internal static class SheetsContentsView
{
    private const int RowsShown = 50;

    public static async Task WriteAsync(HttpContext context, SheetsEmulatorState state)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sheets emulator</title>")
            .Append("<style>body{font-family:sans-serif}table{border-collapse:collapse}td{border:1px solid #ccc;padding:2px 6px}</style></head><body>")
            .Append("<h1>Sheets emulator</h1>");
        foreach (var id in state.SpreadsheetIds)
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(id)).Append("</h2>");
            foreach (var tab in state.GetTabs(id))
            {
                html.Append("<h3>").Append(WebUtility.HtmlEncode(tab.Title))
                    .Append(System.FormattableString.Invariant($" ({tab.RowCount}×{tab.ColumnCount}, frozen rows {tab.FrozenRowCount})"))
                    .Append("</h3><table dir=\"auto\">");
                foreach (var row in state.ReadCells(id, tab.Title).Take(RowsShown))
                {
                    html.Append("<tr>");
                    foreach (var cell in row)
                    {
                        html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
                    }

                    html.Append("</tr>");
                }

                html.Append("</table>");
            }
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.Append("</body></html>").ToString(), context.RequestAborted);
    }
}
