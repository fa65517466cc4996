using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Sheets;

/// <summary>ROWS or COLUMNS (an extensible enum).</summary>
/// <param name="Value">The API's name.</param>
[JsonConverter(typeof(DimensionJsonConverter))]
public readonly record struct Dimension(string Value)
{
    /// <summary>Rows.</summary>
    public static Dimension Rows { get; } = new("ROWS");

    /// <summary>Columns.</summary>
    public static Dimension Columns { get; } = new("COLUMNS");

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Reads and writes <see cref="Dimension"/> as its string.</summary>
public sealed class DimensionJsonConverter : JsonConverter<Dimension>
{
    /// <inheritdoc />
    public override Dimension Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? string.Empty);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Dimension value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
