using AntDesign;
using Hamgam.Core.Data;
using Hamgam.Core.Sync.Outbox;
using Hamgam.Core.Tasks;
using Microsoft.AspNetCore.Components;

namespace Hamgam.Web.Features.Tasks;

/// <summary>Creates or edits a task (every field) through LocalChanges, so the edit reaches Notion through the outbox.</summary>
public sealed partial class TaskEditor
{
    private TaskForm _form = new();
    private TaskItem? _original;
    private Dictionary<string, string> _errors = [];
    private bool _visible;
    private bool _saving;

    [Parameter, EditorRequired]
    public TaskOptions Options { get; set; } = default!;

    [Parameter]
    public EventCallback OnSaved { get; set; }

    private string DatePlaceholder => Ui.T("۱۴۰۴/۰۹/۰۳", "2025-11-24");

    public async Task OpenAsync(Guid? id, string? status = null)
    {
        _errors = [];
        _original = id is { } existing ? await Queries.FindAsync(existing) : null;
        _form = _original is null ? new TaskForm { Status = status ?? Options.DefaultStatus } : TaskForm.From(_original, Ui);
        _visible = true;
        StateHasChanged();
    }

    private string? Error(string field) => _errors.GetValueOrDefault(field);

    private void Close() => _visible = false;

    private async Task SaveAsync()
    {
        var (values, errors) = _form.ToValues(Ui, _original);
        _errors = errors;
        if (errors.Count > 0)
        {
            return;
        }

        _saving = true;
        try
        {
            if (_form.Id is { } id)
            {
                var result = await Changes.UpdateAsync(EntityKind.Task, id, values, _form.Version);
                if (result.Status == LocalUpdateStatus.VersionConflict)
                {
                    await Message.WarningAsync(Ui.T("این کار در همین حین جای دیگری تغییر کرد؛ دوباره باز کنید.", "This task changed meanwhile; open it again."));
                    return;
                }
            }
            else
            {
                await Changes.CreateAsync(EntityKind.Task, values);
            }

            _visible = false;
            await Message.SuccessAsync(Ui.T("ذخیره شد؛ به Notion فرستاده می‌شود.", "Saved; it will be sent to Notion."));
            await OnSaved.InvokeAsync();
        }
        finally
        {
            _saving = false;
        }
    }
}
