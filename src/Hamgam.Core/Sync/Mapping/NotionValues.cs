using System.Globalization;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Notion;

namespace Hamgam.Core.Sync.Mapping;

/// <summary>Converts between Notion property values and Hamgam's canonical field values, in both directions.</summary>
public static class NotionValues
{
    /// <summary>
    /// Reads a property value as the canonical value of a field of <paramref name="kind"/>. Relations come back as the
    /// JSON list of related page ids (the caller maps them to local ids). Returns false with a message on a type mismatch.
    /// </summary>
    public static bool TryRead(FieldKind kind, PropertyValue value, out string? canonical, out string? error)
    {
        error = null;
        canonical = null;
        switch (kind, value)
        {
            case (FieldKind.Title or FieldKind.Text, TitleValue title):
                canonical = Canonical.Text(title.PlainText);
                return true;
            case (FieldKind.Text, RichTextValue text):
                canonical = Canonical.Text(text.PlainText);
                return true;
            case (FieldKind.Select or FieldKind.Status, SelectValue select):
                canonical = Canonical.Text(select.Option?.Name);
                return true;
            case (FieldKind.Select or FieldKind.Status, StatusValue status):
                canonical = Canonical.Text(status.Option?.Name);
                return true;
            case (FieldKind.MultiSelect, MultiSelectValue multi):
                canonical = Canonical.List([.. multi.Options.Select(o => o.Name)]);
                return true;
            case (FieldKind.Date, DateValue date):
                canonical = Canonical.Date(ToFlexDate(date.Date));
                return true;
            case (FieldKind.Checkbox, CheckboxValue box):
                canonical = Canonical.Bool(box.Checked);
                return true;
            case (FieldKind.Number, NumberValue number):
                canonical = Canonical.Number(number.Number is { } n ? (double)n : null);
                return true;
            case (FieldKind.Relation, RelationValue relation):
                canonical = Canonical.List(relation.PageIds);
                return true;
            default:
                error = $"expected {Describe(kind)}, found {value.Type.Value}";
                return false;
        }
    }

    /// <summary>Builds the request value that sets a field to <paramref name="canonical"/> (null clears it).</summary>
    public static PropertyInput Write(FieldKind kind, string notionType, string? canonical, IReadOnlyList<string>? relationPageIds = null) => kind switch
    {
        FieldKind.Title => PropertyInput.Title(canonical ?? ""),
        FieldKind.Text when notionType == "title" => PropertyInput.Title(canonical ?? ""),
        FieldKind.Text => PropertyInput.RichText(canonical ?? ""),
        FieldKind.Select or FieldKind.Status when notionType == "status" => PropertyInput.Status(canonical),
        FieldKind.Select or FieldKind.Status => PropertyInput.Select(canonical),
        FieldKind.MultiSelect => PropertyInput.MultiSelect(Canonical.ParseList(canonical)),
        FieldKind.Date => PropertyInput.Date(ToNotionDate(Canonical.ParseDate(canonical))),
        FieldKind.Checkbox => PropertyInput.Checkbox(Canonical.ParseBool(canonical)),
        FieldKind.Number => PropertyInput.Number(Canonical.ParseNumber(canonical) is { } n ? (decimal)n : null),
        FieldKind.Relation => PropertyInput.Relation(relationPageIds ?? []),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static FlexDate? ToFlexDate(NotionDate? date)
    {
        if (date is null)
        {
            return null;
        }

        return date.IsDateOnly ? FlexDate.FromDate(date.StartDate) : FlexDate.FromInstant(date.Start);
    }

    public static NotionDate? ToNotionDate(FlexDate? date)
    {
        if (date is not { } d)
        {
            return null;
        }

        if (!d.HasTime)
        {
            return NotionDate.FromDates(d.Date);
        }

        var offset = d.Offset ?? TimeSpan.Zero;
        return new NotionDate(new DateTimeOffset(d.Date.ToDateTime(d.Time!.Value), offset));
    }

    private static string Describe(FieldKind kind) => kind switch
    {
        FieldKind.Status => "select or status",
        FieldKind.Text => "rich_text",
        FieldKind.MultiSelect => "multi_select",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
