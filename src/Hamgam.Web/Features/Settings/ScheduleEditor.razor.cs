using Hamgam.Web.Infrastructure.Jobs;

namespace Hamgam.Web.Features.Settings;

/// <summary>
/// The three schedules as editable cron expressions: checked as the user types (Cronos, the message in the UI's
/// language), previewed as the next runs in the user's zone, saved over configuration and applied to the jobs at once.
/// </summary>
public sealed partial class ScheduleEditor
{
    private List<Row> _rows = [];
    private bool _submitted;
    private bool _saving;
    private bool _saved;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _rows = [.. (await Schedules.GetAsync()).Select(s => new Row(s) { Text = s.Effective })];
    }

    private CronCheck Check(Row row) => CronText.Check(row.Text, Ui.Clock.Now, Ui.Clock.Zone);

    private string? ErrorOf(Row row, CronCheck check) => check.Ok || !(_submitted || row.Touched) ? null : Ui.T(check.Persian!, check.English!);

    private void Edit(Row row, string? text)
    {
        row.Text = text ?? "";
        row.Touched = true;
        _saved = false;
    }

    private async Task SaveAsync()
    {
        _submitted = true;
        _saved = false;
        if (_rows.Any(r => !Check(r).Ok))
        {
            return;
        }

        _saving = true;
        try
        {
            foreach (var row in _rows.Where(r => r.Text.Trim() != r.State.Effective))
            {
                await Schedules.SaveAsync(row.Job, row.Text);
            }

            await LoadAsync();
            _submitted = false;
            _saved = true;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ResetAsync(Row row)
    {
        await Schedules.SaveAsync(row.Job, null);
        await LoadAsync();
        _saved = true;
    }

    private string Label(string job) => job switch
    {
        JobSchedules.SyncId => Ui.T("دریافت از Notion و ارسال تغییرات", "Pull from Notion and push changes"),
        JobSchedules.BackupId => Ui.T("پشتیبان در Sheet", "Backup to the Sheet"),
        _ => Ui.T("کارهای تکرارشونده", "Recurring tasks"),
    };

    /// <summary>The form's model for one schedule: only the text typed (no entity is bound).</summary>
    private sealed class Row(ScheduleState state)
    {
        public ScheduleState State { get; } = state;

        public string Job => State.Job;

        public string Text { get; set; } = "";

        public bool Touched { get; set; }
    }
}
