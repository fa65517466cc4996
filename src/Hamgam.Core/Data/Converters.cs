using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hamgam.Core.Data;

/// <summary>Stores a <see cref="FlexDate"/> as its ISO 8601 text.</summary>
public sealed class FlexDateConverter() : ValueConverter<FlexDate, string>(v => v.ToString(), v => FlexDate.Parse(v));

/// <summary>Stores an instant as UTC ticks (SQLite only), so it orders and compares in SQL.</summary>
public sealed class UtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
