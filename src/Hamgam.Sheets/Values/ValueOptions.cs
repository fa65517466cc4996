namespace Hamgam.Sheets;

/// <summary>How written values are interpreted (an extensible enum).</summary>
/// <param name="Value">The API's name.</param>
public readonly record struct ValueInputOption(string Value)
{
    /// <summary>Stored as given: <c>=HYPERLINK("x")</c> stays text. Use this for user content.</summary>
    public static ValueInputOption Raw { get; } = new("RAW");

    /// <summary>Parsed as if typed in the UI: formulas run, dates and numbers are recognised.</summary>
    public static ValueInputOption UserEntered { get; } = new("USER_ENTERED");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How values are rendered on read (an extensible enum).</summary>
/// <param name="Value">The API's name.</param>
public readonly record struct ValueRenderOption(string Value)
{
    /// <summary>Displayed strings (the default).</summary>
    public static ValueRenderOption FormattedValue { get; } = new("FORMATTED_VALUE");

    /// <summary>Numbers and booleans as JSON numbers and booleans.</summary>
    public static ValueRenderOption UnformattedValue { get; } = new("UNFORMATTED_VALUE");

    /// <summary>Formulas as written.</summary>
    public static ValueRenderOption Formula { get; } = new("FORMULA");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How dates are rendered when values are not formatted (an extensible enum).</summary>
/// <param name="Value">The API's name.</param>
public readonly record struct DateTimeRenderOption(string Value)
{
    /// <summary>Serial numbers: days since 1899-12-30, the fraction being the time of day (the default).</summary>
    public static DateTimeRenderOption SerialNumber { get; } = new("SERIAL_NUMBER");

    /// <summary>Strings in the cell's number format.</summary>
    public static DateTimeRenderOption FormattedString { get; } = new("FORMATTED_STRING");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Whether values.append overwrites or inserts rows (an extensible enum).</summary>
/// <param name="Value">The API's name.</param>
public readonly record struct InsertDataOption(string Value)
{
    /// <summary>Write into the empty area after the table (the default).</summary>
    public static InsertDataOption Overwrite { get; } = new("OVERWRITE");

    /// <summary>Insert new rows for the data.</summary>
    public static InsertDataOption InsertRows { get; } = new("INSERT_ROWS");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Options of values.get and values.batchGet.</summary>
public sealed record ValueReadOptions
{
    /// <summary>How values are rendered; FORMATTED_VALUE when null.</summary>
    public ValueRenderOption? ValueRender { get; init; }

    /// <summary>How dates are rendered; SERIAL_NUMBER when null.</summary>
    public DateTimeRenderOption? DateTimeRender { get; init; }

    /// <summary>ROWS (default) or COLUMNS.</summary>
    public Dimension? MajorDimension { get; init; }
}
