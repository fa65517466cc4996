using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Sheets;

/// <summary>The kind of a <see cref="SheetValue"/>.</summary>
public enum SheetValueKind
{
    /// <summary>No value: JSON null (on write, "leave the cell unchanged").</summary>
    Empty,

    /// <summary>Text.</summary>
    String,

    /// <summary>A number (dates read with UNFORMATTED_VALUE are serial numbers).</summary>
    Number,

    /// <summary>TRUE or FALSE.</summary>
    Bool,
}

/// <summary>One cell of a ValueRange: a string, a number, a boolean, or empty.</summary>
[JsonConverter(typeof(SheetValueJsonConverter))]
public readonly record struct SheetValue
{
    private SheetValue(SheetValueKind kind, string? text, double number, bool flag)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Bool = flag;
    }

    /// <summary>What the value holds.</summary>
    public SheetValueKind Kind { get; }

    /// <summary>The text when <see cref="Kind"/> is String.</summary>
    public string? Text { get; }

    /// <summary>The number when <see cref="Kind"/> is Number.</summary>
    public double Number { get; }

    /// <summary>The flag when <see cref="Kind"/> is Bool.</summary>
    public bool Bool { get; }

    /// <summary>No value; written as JSON null, which leaves the cell unchanged.</summary>
    public static SheetValue Empty => default;

    /// <summary>A text value (<c>""</c> clears the cell on write).</summary>
    public static SheetValue FromString(string text) => new(SheetValueKind.String, text, 0, false);

    /// <summary>A number.</summary>
    public static SheetValue FromNumber(double number) => new(SheetValueKind.Number, null, number, false);

    /// <summary>A boolean.</summary>
    public static SheetValue FromBool(bool value) => new(SheetValueKind.Bool, null, 0, value);

    /// <summary>A text value.</summary>
    public static implicit operator SheetValue(string text) => FromString(text);

    /// <summary>A number.</summary>
    public static implicit operator SheetValue(double number) => FromNumber(number);

    /// <summary>A boolean.</summary>
    public static implicit operator SheetValue(bool value) => FromBool(value);

    /// <summary>The value as Sheets would show it in a cell (invariant culture).</summary>
    public override string ToString() => Kind switch
    {
        SheetValueKind.String => Text!,
        SheetValueKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        SheetValueKind.Bool => Bool ? "TRUE" : "FALSE",
        _ => string.Empty,
    };
}

/// <summary>Reads and writes <see cref="SheetValue"/> as a bare JSON scalar.</summary>
public sealed class SheetValueJsonConverter : JsonConverter<SheetValue>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override SheetValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => SheetValue.FromString(reader.GetString()!),
        JsonTokenType.Number => SheetValue.FromNumber(reader.GetDouble()),
        JsonTokenType.True => SheetValue.FromBool(true),
        JsonTokenType.False => SheetValue.FromBool(false),
        JsonTokenType.Null => SheetValue.Empty,
        _ => throw new JsonException($"A cell value must be a scalar, not {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SheetValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case SheetValueKind.String:
                writer.WriteStringValue(value.Text);
                break;
            case SheetValueKind.Number:
                writer.WriteNumberValue(value.Number);
                break;
            case SheetValueKind.Bool:
                writer.WriteBooleanValue(value.Bool);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
