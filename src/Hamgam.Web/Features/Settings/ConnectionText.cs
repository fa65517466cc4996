using System.Text;
using Hamgam.Core.Data;
using Hamgam.Core.Sync.Schema;
using Hamgam.Web.Infrastructure.Localization;

namespace Hamgam.Web.Features.Settings;

/// <summary>
/// The words of a connection test in the page's language. Latin fragments (ids, names, variables) are isolated
/// (U+2068 … U+2069), so they neither reverse nor drag the punctuation around them in a right-to-left line.
/// </summary>
public static class ConnectionText
{
    public static string Ltr(string? text) => $"\u2068{text}\u2069";

    public static string Describe(IReadOnlyList<DatabaseCheck> checks, Ui ui)
    {
        var text = new StringBuilder();
        foreach (var check in checks)
        {
            var name = Hamgam.Web.Features.Sync.RunNames.Entity(ui, check.Kind);
            var head = check.DataSourceTitle is { } title ? $"{name} ({Ltr(title)})" : name;
            var verdict = check.Findings.Count == 0 ? ui.T("درست است.", "OK.")
                : check.Ok ? ui.T("درست است، با چند نکته:", "OK, with notes:")
                : ui.T("نیاز به رسیدگی دارد:", "needs attention:");
            text.Append(head).Append(": ").AppendLine(verdict);
            foreach (var finding in check.Findings)
            {
                text.Append("  • ").AppendLine(ui.IsPersian ? Persian(finding, check.Kind) : finding.Message);
            }
        }

        return text.ToString().TrimEnd();
    }

    // The checker writes English for the CLI and the logs; the page says the same in Persian, by the finding's shape.
    private static string Persian(SchemaFinding finding, EntityKind kind)
    {
        var property = Ltr(finding.Property);
        var message = finding.Message;
        return finding switch
        {
            { Property: null, Severity: SchemaSeverity.Warning } =>
                $"پایگاهی تنظیم نشده است: {Ltr($"Notion__Databases__{kind}s")} را تنظیم کنید (یا {Ltr("hamgam init-notion")} را اجرا کنید).",
            { Property: null } => $"Notion این پایگاه را نپذیرفت: {Ltr(message)}",
            _ when message.Contains(" is missing", StringComparison.Ordinal) =>
                $"ویژگی «{property}» در Notion نیست: آن را بسازید، یا فیلد را در همین صفحه (نگاشت ویژگی‌ها) به ویژگی خودتان وصل کنید.",
            _ when message.Contains("; it must be", StringComparison.Ordinal) =>
                $"نوع ویژگی «{property}» درست نیست؛ در Notion نوعش را عوض کنید (••• روی ستون ← Edit property ← Type). {Ltr(message)}",
            _ when message.Contains("is a status property", StringComparison.Ordinal) =>
                $"«{property}» از نوع status است؛ همگام از آن (مانند select) پشتیبانی می‌کند.",
            _ when message.Contains("relates to", StringComparison.Ordinal) =>
                $"«{property}» به پایگاه دیگری جز پروژه‌های تنظیم‌شده اشاره می‌کند؛ مطمئن شوید پایگاه پروژه‌های شماست.",
            _ => $"«{property}»: {Ltr(message)}",
        };
    }
}
