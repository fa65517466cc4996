using System.Globalization;
using System.Text;

namespace Hamgam.Emulators.Sheets;

/// <summary>A parsed A1 range. Indexes are 0-based, ends exclusive; null means unbounded (or "no sheet named").</summary>
internal readonly record struct A1Range(string? SheetTitle, int? StartRow, int? StartColumn, int? EndRow, int? EndColumn)
{
    /// <summary>True when the range names a single cell such as <c>A1</c>, which writes treat as an anchor.</summary>
    public bool IsSingleCell =>
        StartRow is { } r && StartColumn is { } c && EndRow == r + 1 && EndColumn == c + 1;
}

/// <summary>A range resolved against a sheet and clamped to its grid.</summary>
internal readonly record struct GridBox(SheetDoc Sheet, int StartRow, int StartColumn, int EndRow, int EndColumn)
{
    public int Rows => EndRow - StartRow;

    public int Columns => EndColumn - StartColumn;

    public string ToA1() => A1Notation.Format(Sheet.Title, StartRow, StartColumn, EndRow, EndColumn);
}

/// <summary>Parses and formats A1 notation the way the Sheets API does (quoted titles, <c>''</c> escapes, open ranges).</summary>
internal static class A1Notation
{
    public const int MaxColumns = 18_278;

    public static bool TryParse(string text, out A1Range range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text[0] == '\'')
        {
            return TryParseQuoted(text, out range);
        }

        var bang = text.LastIndexOf('!');
        if (bang >= 0)
        {
            var title = text[..bang];
            if (title.Length == 0 || !TryParseCells(text[(bang + 1)..], out var cells))
            {
                return false;
            }

            range = cells with { SheetTitle = title };
            return true;
        }

        // Unquoted text that reads as cells is cells on the first visible sheet, as in Sheets; otherwise a title.
        if (TryParseCells(text, out range))
        {
            return true;
        }

        range = new A1Range(text, null, null, null, null);
        return true;
    }

    private static bool TryParseQuoted(string text, out A1Range range)
    {
        range = default;
        var title = new StringBuilder();
        var i = 1;
        while (true)
        {
            if (i >= text.Length)
            {
                return false;
            }

            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    title.Append('\'');
                    i += 2;
                    continue;
                }

                break;
            }

            title.Append(text[i]);
            i++;
        }

        var rest = text[(i + 1)..];
        if (title.Length == 0)
        {
            return false;
        }

        if (rest.Length == 0)
        {
            range = new A1Range(title.ToString(), null, null, null, null);
            return true;
        }

        if (rest[0] != '!' || !TryParseCells(rest[1..], out var cells))
        {
            return false;
        }

        range = cells with { SheetTitle = title.ToString() };
        return true;
    }

    private static bool TryParseCells(string text, out A1Range range)
    {
        range = default;
        var parts = text.Split(':');
        if (parts.Length > 2 || !TryParseRef(parts[0], out var col1, out var row1))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            if (col1 is not { } c || row1 is not { } r)
            {
                return false;
            }

            range = new A1Range(null, r, c, r + 1, c + 1);
            return true;
        }

        if (!TryParseRef(parts[1], out var col2, out var row2))
        {
            return false;
        }

        // Allowed shapes: A1:B2, A:B, 1:2, A5:A (open end), A:A5.
        if (col1 is null && col2 is null && row1 is { } ra && row2 is { } rb)
        {
            range = new A1Range(null, Math.Min(ra, rb), null, Math.Max(ra, rb) + 1, null);
            return true;
        }

        if (col1 is not { } ca || col2 is not { } cb)
        {
            return false;
        }

        int? startRow = (row1, row2) switch
        {
            ({ } a, { } b) => Math.Min(a, b),
            ({ } a, null) => a,
            (null, { }) => 0,
            _ => null,
        };
        int? endRow = (row1, row2) switch
        {
            ({ } a, { } b) => Math.Max(a, b) + 1,
            (null, { } b) => b + 1,
            _ => null,
        };
        range = new A1Range(null, startRow, Math.Min(ca, cb), endRow, Math.Max(ca, cb) + 1);
        return true;
    }

    private static bool TryParseRef(string text, out int? column, out int? row)
    {
        column = null;
        row = null;
        var i = 0;
        var col = 0;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            col = (col * 26) + (char.ToUpperInvariant(text[i]) - 'A' + 1);
            i++;
            if (i > 3)
            {
                return false;
            }
        }

        if (i > 0)
        {
            column = col - 1;
        }

        var digits = text[i..];
        if (digits.Length > 0)
        {
            if (!digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r < 1)
            {
                return false;
            }

            row = r - 1;
        }

        return column is not null || row is not null;
    }

    public static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return name.ToString();
    }

    public static string CellName(int row, int column) =>
        ColumnName(column) + (row + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats <c>Title!A1:B2</c>, quoting the title only when Sheets would, and a single cell as <c>Title!A1</c>.</summary>
    public static string Format(string title, int startRow, int startColumn, int endRow, int endColumn)
    {
        var start = CellName(startRow, startColumn);
        var cells = endRow - startRow == 1 && endColumn - startColumn == 1
            ? start
            : start + ":" + CellName(endRow - 1, endColumn - 1);
        return QuoteTitle(title) + "!" + cells;
    }

    public static string QuoteTitle(string title)
    {
        var plain = title.Length > 0
            && (char.IsAsciiLetter(title[0]) || title[0] == '_')
            && title.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')
            && !LooksLikeCell(title);
        return plain ? title : "'" + title.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool LooksLikeCell(string title)
    {
        var letters = title.TakeWhile(char.IsAsciiLetter).Count();
        var rest = title[letters..];
        var isA1 = letters is >= 1 and <= 3 && rest.All(char.IsAsciiDigit);
        var isR1C1 = title.Length > 1 && (title[0] is 'R' or 'r') && title.Skip(1).All(ch => char.IsAsciiDigit(ch) || ch is 'C' or 'c');
        return isA1 || isR1C1;
    }
}
