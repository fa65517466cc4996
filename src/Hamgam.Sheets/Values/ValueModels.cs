namespace Hamgam.Sheets;

/// <summary>Values of a range. On read, rows are ragged (trailing empty cells dropped) and <see cref="Values"/> is null when the range is empty.</summary>
public sealed record ValueRange
{
    /// <summary>The range in A1 notation, e.g. <c>'Daily Log'!A1:L100</c>.</summary>
    public string? Range { get; init; }

    /// <summary>ROWS or COLUMNS.</summary>
    public Dimension? MajorDimension { get; init; }

    /// <summary>The values, outer list by <see cref="MajorDimension"/>.</summary>
    public IReadOnlyList<IReadOnlyList<SheetValue>>? Values { get; init; }
}

/// <summary>The answer of values.update (and each part of values.batchUpdate).</summary>
public sealed record UpdateValuesResponse
{
    /// <summary>The spreadsheet.</summary>
    public string? SpreadsheetId { get; init; }

    /// <summary>The range written, sized to the data.</summary>
    public string? UpdatedRange { get; init; }

    /// <summary>Rows with at least one written cell.</summary>
    public int UpdatedRows { get; init; }

    /// <summary>Columns written.</summary>
    public int UpdatedColumns { get; init; }

    /// <summary>Cells written.</summary>
    public int UpdatedCells { get; init; }

    /// <summary>The values after the write, when asked for.</summary>
    public ValueRange? UpdatedData { get; init; }
}

/// <summary>The answer of values.batchUpdate.</summary>
public sealed record BatchUpdateValuesResponse
{
    /// <summary>The spreadsheet.</summary>
    public string? SpreadsheetId { get; init; }

    /// <summary>Sum of rows written.</summary>
    public int TotalUpdatedRows { get; init; }

    /// <summary>Largest column count written.</summary>
    public int TotalUpdatedColumns { get; init; }

    /// <summary>Sum of cells written.</summary>
    public int TotalUpdatedCells { get; init; }

    /// <summary>Tabs touched.</summary>
    public int TotalUpdatedSheets { get; init; }

    /// <summary>One answer per range, in order.</summary>
    public IReadOnlyList<UpdateValuesResponse>? Responses { get; init; }
}

/// <summary>The answer of values.batchGet.</summary>
public sealed record BatchGetValuesResponse
{
    /// <summary>The spreadsheet.</summary>
    public string? SpreadsheetId { get; init; }

    /// <summary>One ValueRange per requested range, in order.</summary>
    public IReadOnlyList<ValueRange>? ValueRanges { get; init; }
}

/// <summary>The answer of values.append.</summary>
public sealed record AppendValuesResponse
{
    /// <summary>The spreadsheet.</summary>
    public string? SpreadsheetId { get; init; }

    /// <summary>The table the values were appended to; null when the range was empty.</summary>
    public string? TableRange { get; init; }

    /// <summary>Where the values went.</summary>
    public UpdateValuesResponse? Updates { get; init; }
}

/// <summary>The answer of values.clear.</summary>
public sealed record ClearValuesResponse
{
    /// <summary>The spreadsheet.</summary>
    public string? SpreadsheetId { get; init; }

    /// <summary>The range cleared, clamped to the grid.</summary>
    public string? ClearedRange { get; init; }
}

/// <summary>The answer of values.batchClear.</summary>
public sealed record BatchClearValuesResponse
{
    /// <summary>The spreadsheet.</summary>
    public string? SpreadsheetId { get; init; }

    /// <summary>The ranges cleared, in order.</summary>
    public IReadOnlyList<string>? ClearedRanges { get; init; }
}

internal sealed record BatchUpdateValuesRequest(
    string ValueInputOption,
    IReadOnlyList<ValueRange> Data,
    bool? IncludeValuesInResponse = null);

internal sealed record BatchClearValuesRequest(IReadOnlyList<string> Ranges);

internal sealed record ValuesBody(IReadOnlyList<IReadOnlyList<SheetValue>> Values, Dimension? MajorDimension = null);

internal sealed record EmptyBody;
