using System.Text;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Schema;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Features.Settings;

/// <summary>"Test connection" for Notion: each configured database against the expected schema, in plain words.</summary>
public sealed class NotionConnectionCheck(IServiceProvider services, IOptions<NotionSyncOptions> options) : IConnectionCheck
{
    public string Name => "Notion";

    public async Task<ConnectionResult> TestAsync(CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Token))
        {
            return new ConnectionResult(false, "No Notion token is configured: set Notion__Token (or NOTION_API_KEY) to your integration's secret.");
        }

        var checks = await services.GetRequiredService<NotionSchemaChecker>().CheckAsync(cancellationToken);
        return new ConnectionResult(checks.All(c => c.Ok), Describe(checks));
    }

    public static string Describe(IReadOnlyList<DatabaseCheck> checks)
    {
        var text = new StringBuilder();
        foreach (var check in checks)
        {
            var head = check.DataSourceTitle is { } title ? $"{check.Kind}s (\"{title}\")" : $"{check.Kind}s";
            text.Append(head).Append(": ").AppendLine(check.Findings.Count == 0 ? "OK." : check.Ok ? "OK, with notes:" : "needs attention:");
            foreach (var finding in check.Findings)
            {
                text.Append("  • ").AppendLine(finding.Message);
            }
        }

        return text.ToString().TrimEnd();
    }
}
