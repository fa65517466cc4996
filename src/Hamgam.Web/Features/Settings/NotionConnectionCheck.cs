using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Schema;
using Hamgam.Web.Infrastructure.Localization;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Features.Settings;

/// <summary>"Test connection" for Notion: each configured database against the expected schema, in plain words.</summary>
public sealed class NotionConnectionCheck(IServiceProvider services, IOptions<NotionSyncOptions> options) : IConnectionCheck
{
    public string Name => "Notion";

    public async Task<ConnectionResult> TestAsync(Ui ui, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Token))
        {
            return new ConnectionResult(false, ui.T(
                $"توکن Notion تنظیم نشده است: {ConnectionText.Ltr("Notion__Token")} (یا {ConnectionText.Ltr("NOTION_API_KEY")}) را برابر کلید مخفی یکپارچه‌سازی خود قرار دهید.",
                "No Notion token is configured: set Notion__Token (or NOTION_API_KEY) to your integration's secret."));
        }

        var checks = await services.GetRequiredService<NotionSchemaChecker>().CheckAsync(cancellationToken);
        return new ConnectionResult(checks.All(c => c.Ok), ConnectionText.Describe(checks, ui));
    }
}
