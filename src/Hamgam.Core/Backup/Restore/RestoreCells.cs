using System.Globalization;
using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Sheets;

namespace Hamgam.Core.Backup.Restore;

/// <summary>Reads backup cells (as values.get answers them UNFORMATTED) back into canonical field values, and shows them again.</summary>
public static class RestoreCells
{
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30);

    /// <summary>The canonical value of a cell, or an error that says what was expected.</summary>
    public static bool TryParse(CellKind kind, SheetValue cell, out string? value, out string? error)
    {
        error = null;
        value = null;
        var text = cell.Kind == SheetValueKind.Empty ? null : cell.ToString();
        if (kind != CellKind.Text)
        {
            text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        switch (kind)
        {
            case CellKind.Text:
                value = Canonical.Text(text);
                return true;
            case CellKind.List:
                value = Canonical.List(text?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? []);
                return true;
            case CellKind.Date:
                return TryParseDate(cell, text, out value, out error);
            case CellKind.YesNo:
                return TryParseYesNo(cell, text, out value, out error);
            default:
                return TryParseNumber(kind, cell, text, out value, out error);
        }
    }

    /// <summary>A canonical value as the backup writes it: lists "a, b", checkboxes Yes/No.</summary>
    public static string? Display(CellKind kind, string? canonical) => kind switch
    {
        CellKind.List => canonical is null ? null : string.Join(", ", Canonical.ParseList(canonical)),
        CellKind.YesNo => Canonical.ParseBool(canonical) ? "Yes" : "No",
        _ => canonical,
    };

    private static bool TryParseDate(SheetValue cell, string? text, out string? value, out string? error)
    {
        error = null;
        value = null;
        if (text is null)
        {
            return true;
        }

        if (cell.Kind == SheetValueKind.Number)
        {
            // Someone typed a date in the sheet and Google stored it as a serial number (days since 1899-12-30).
            value = Canonical.Date(FlexDate.FromDate(SerialEpoch.AddDays((int)Math.Floor(cell.Number))));
            return true;
        }

        if (FlexDate.TryParse(text, out var date))
        {
            value = Canonical.Date(date);
            return true;
        }

        error = $"'{text}' is not a date (expected yyyy-MM-dd).";
        return false;
    }

    private static bool TryParseYesNo(SheetValue cell, string? text, out string? value, out string? error)
    {
        error = null;
        value = null;
        bool? flag = cell.Kind == SheetValueKind.Bool ? cell.Bool : text?.ToUpperInvariant() switch
        {
            null or "NO" or "FALSE" => false,
            "YES" or "TRUE" => true,
            _ => null,
        };
        if (flag is null)
        {
            error = $"'{text}' is not Yes or No.";
            return false;
        }

        value = Canonical.Bool(flag.Value);
        return true;
    }

    private static bool TryParseNumber(CellKind kind, SheetValue cell, string? text, out string? value, out string? error)
    {
        error = null;
        value = kind == CellKind.Integer ? Canonical.Number(0) : null;
        if (text is null)
        {
            return true;
        }

        double number;
        if (cell.Kind == SheetValueKind.Number)
        {
            number = cell.Number;
        }
        else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            error = $"'{text}' is not a number.";
            return false;
        }

        value = Canonical.Number(kind == CellKind.Integer ? Math.Round(number) : number);
        return true;
    }
}
