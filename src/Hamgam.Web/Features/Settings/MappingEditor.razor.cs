using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Settings;
using Microsoft.AspNetCore.Components;

namespace Hamgam.Web.Features.Settings;

/// <summary>
/// One entity's property mapping, editable: each logical field's Notion property name, checked against the live
/// schema before saving (missing property, wrong type, used twice), saved over configuration, reset per field.
/// </summary>
public sealed partial class MappingEditor : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private List<Row> _rows = [];
    private MappingCheckResult? _check;
    private bool _submitted;
    private bool _busy;
    private bool _saved;

    [Parameter, EditorRequired]
    public EntityKind Kind { get; set; }

    private string Title => Kind switch
    {
        EntityKind.Task => Ui.T("کارها", "Tasks"),
        EntityKind.Project => Ui.T("پروژه‌ها", "Projects"),
        EntityKind.Habit => Ui.T("عادت‌ها", "Habits"),
        _ => Ui.T("گزارش‌های روزانه", "Daily logs"),
    };

    protected override void OnInitialized() => Load(Saved.Current);

    public void Dispose()
    {
        _cancel.Cancel();
        _cancel.Dispose();
    }

    private void Load(PropertyMapping saved)
    {
        var options = Notion.Value;
        _rows = [.. EntityFields.For(Kind).Fields.Select(f =>
        {
            var configured = options.ConfiguredPropertyName(Kind, f.Name, f.DefaultNotionProperty);
            var current = saved.Find(Kind, f.Name) ?? configured;
            return new Row(f, configured, current) { Text = current };
        })];
    }

    private void Edit(Row row, string? text)
    {
        row.Text = text ?? "";
        row.Touched = true;
        _saved = false;
    }

    private string? ErrorOf(Row row)
    {
        var name = row.Text.Trim();
        if (name.Length == 0)
        {
            return _submitted || row.Touched ? Ui.T("نام ویژگی Notion را بنویسید (یا «پیش‌فرض» را بزنید).", "Enter the Notion property's name (or reset to default).") : null;
        }

        if (_check?.For(row.Field.Name) is not { } field || field.Property != name)
        {
            return null;
        }

        var accepted = string.Join(Ui.T(" یا ", " or "), field.AcceptedTypes);
        return field.Status switch
        {
            MappingStatus.Missing when row.Field.Optional => Ui.T(
                $"Notion ویژگی‌ای به نام «{name}» ندارد؛ این ویژگی اختیاری است.", $"Notion has no property named \"{name}\"; it is optional."),
            MappingStatus.Missing => Ui.T($"Notion ویژگی‌ای به نام «{name}» ندارد.", $"Notion has no property named \"{name}\"."),
            MappingStatus.WrongType => Ui.T($"«{name}» از نوع {field.ActualType} است؛ این فیلد {accepted} لازم دارد.", $"\"{name}\" is {field.ActualType}; this field needs {accepted}."),
            MappingStatus.Duplicate => Ui.T($"«{name}» به فیلد دیگری هم نگاشته شده است.", $"\"{name}\" is mapped to another field as well."),
            _ => null,
        };
    }

    private async Task CheckAsync()
    {
        _busy = true;
        try
        {
            var proposed = _rows.Where(r => r.Text.Trim().Length > 0).ToDictionary(r => r.Field.Name, r => r.Text.Trim(), StringComparer.Ordinal);
            _check = await Services.GetRequiredService<MappingChecker>().CheckAsync(Kind, proposed, _cancel.Token);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SaveAsync()
    {
        _submitted = true;
        _saved = false;
        if (_rows.Any(r => r.Text.Trim().Length == 0))
        {
            return;
        }

        await CheckAsync();
        var changed = _rows.Where(r => r.Text.Trim() != r.Current).ToList();
        if (_check is { Reached: true } && changed.Any(r => _check.For(r.Field.Name) is { Status: not MappingStatus.Ok }))
        {
            return;
        }

        _busy = true;
        try
        {
            var names = changed.ToDictionary(r => r.Field.Name, r => r.Text.Trim() == r.Default ? null : r.Text.Trim(), StringComparer.Ordinal);
            Load(await Saved.SaveAsync(Kind, names, _cancel.Token));
            _submitted = false;
            _saved = true;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The form's model for one field: the text typed, beside the configured default and the name in force.</summary>
    private sealed class Row(FieldDescriptor field, string @default, string current)
    {
        public FieldDescriptor Field { get; } = field;

        public string Default { get; } = @default;

        public string Current { get; } = current;

        public string Text { get; set; } = "";

        public bool Touched { get; set; }
    }
}
