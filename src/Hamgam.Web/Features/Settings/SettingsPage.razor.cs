using Hamgam.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Web.Features.Settings;

public sealed partial class SettingsPage
{
    private readonly Dictionary<string, ConnectionResult> _results = [];
    private List<IConnectionCheck> _checks = [];
    private string? _testing;
    private int _requestsLastHour;

    private double Rate => Options.Value.Sync.RequestsPerSecond ?? 3;

    private int Capacity => (int)(Rate * 3600);

    private int BudgetPercent => Capacity == 0 ? 0 : Math.Min(100, (int)Math.Round(100.0 * _requestsLastHour / Capacity));

    private IEnumerable<(string Name, bool Configured, string Detail)> Connections
    {
        get
        {
            var notion = Options.Value.Notion;
            // The effective options (the demo fills them in code), not the raw configuration section.
            var databases = Enum.GetValues<EntityKind>().Count(k => !string.IsNullOrWhiteSpace(Sync.Value.DatabaseFor(k)));
            yield return ("Notion", !string.IsNullOrWhiteSpace(notion.Token), Ui.T(
                $"نسخه‌ی API: {ConnectionText.Ltr(notion.Version ?? "2026-03-11")} · پایگاه‌های پیکربندی‌شده: {Ui.N(databases)} از ۴",
                $"API version: {notion.Version ?? "2026-03-11"} · databases configured: {databases} of 4"));
            var spreadsheet = Backup.Value.SpreadsheetId;
            yield return ("Sheets", !string.IsNullOrWhiteSpace(Options.Value.Sheets.SpreadsheetId), Ui.T(
                $"صفحه‌گسترده: {(string.IsNullOrWhiteSpace(spreadsheet) ? "تعیین نشده" : ConnectionText.Ltr(spreadsheet))}",
                $"Spreadsheet: {(string.IsNullOrWhiteSpace(spreadsheet) ? "not set" : spreadsheet)}"));
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _checks = [.. Services.GetServices<IConnectionCheck>()];
        var since = Time.GetUtcNow().AddHours(-1);
        await using var db = await Db.CreateDbContextAsync();
        var runs = await db.SyncLog.AsNoTracking().Where(r => r.StartedAt >= since && r.Type != Core.Runs.SyncRunType.DbToSheet)
            .Select(r => r.RequestsUsed).ToListAsync();
        _requestsLastHour = runs.Sum();
    }

    private async Task TestAsync(IConnectionCheck check)
    {
        _testing = check.Name;
        try
        {
            _results[check.Name] = await check.TestAsync(Ui);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            _results[check.Name] = new ConnectionResult(false, ex.Message);
        }
        finally
        {
            _testing = null;
        }
    }
}
