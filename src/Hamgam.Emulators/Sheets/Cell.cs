using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

internal enum CellKind : byte
{
    String,
    Number,
    Bool,
    Error,
}

/// <summary>A computed or entered scalar: what Sheets calls an ExtendedValue without the formula case.</summary>
internal readonly record struct CellValue(CellKind Kind, string? Text, double Number, bool Bool)
{
    public static CellValue Of(string text) => new(CellKind.String, text, 0, false);

    public static CellValue Of(double number) => new(CellKind.Number, null, number, false);

    public static CellValue Of(bool value) => new(CellKind.Bool, null, 0, value);

    public static CellValue ErrorOf(string text) => new(CellKind.Error, text, 0, false);
}

/// <summary>
/// One cell. Immutable, so a sheet copy can share cells with the original.
/// <paramref name="Format"/> is never attached to a parent node; clone it before putting it in a response.
/// </summary>
internal sealed record Cell(CellValue? Entered, string? Formula, CellValue? Effective, JsonObject? Format, string? Note)
{
    public static Cell FromValue(CellValue value) => new(value, null, value, null, null);

    public bool HasValue => Entered is not null || Formula is not null;

    public bool IsEmpty => !HasValue && Format is null && Note is null;

    /// <summary>The number format type (DATE, DATE_TIME, TIME, ...) from userEnteredFormat, if any.</summary>
    public string? NumberFormatType => Format?["numberFormat"]?["type"]?.GetValue<string>();

    public string? NumberFormatPattern => Format?["numberFormat"]?["pattern"]?.GetValue<string>();

    public Cell WithoutValue() => this with { Entered = null, Formula = null, Effective = null };

    public Cell? OrNullIfEmpty() => IsEmpty ? null : this;
}
