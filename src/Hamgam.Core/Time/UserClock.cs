namespace Hamgam.Core.Time;

/// <summary>
/// The user's clock: the current instant from an injected <see cref="TimeProvider"/> and the user's
/// calendar day in the configured time zone (default Asia/Tehran). Streaks, daily logs and recurring
/// tasks use <see cref="Today"/> and <see cref="ToUserDay"/>, never the UTC date.
/// </summary>
public sealed class UserClock
{
    /// <summary>The IANA id used when no time zone is configured.</summary>
    public const string DefaultZoneId = "Asia/Tehran";

    private readonly TimeProvider _time;

    /// <summary>Creates a clock reading <paramref name="time"/> and computing days in <paramref name="zone"/>.</summary>
    /// <param name="time">The time source (<see cref="TimeProvider.System"/> in production, a fake in tests).</param>
    /// <param name="zone">The user's time zone, e.g. from <see cref="ResolveZone"/>.</param>
    public UserClock(TimeProvider time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(zone);
        _time = time;
        Zone = zone;
    }

    /// <summary>The user's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The current instant, in UTC (offset zero).</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The user's current calendar day in <see cref="Zone"/>.</summary>
    public DateOnly Today => ToUserDay(Now);

    /// <summary>The calendar day, in the user's zone, on which <paramref name="instant"/> falls.</summary>
    public DateOnly ToUserDay(DateTimeOffset instant) => DateOnly.FromDateTime(ToUserTime(instant).DateTime);

    /// <summary>The same instant expressed with the user's UTC offset at that moment (for display).</summary>
    public DateTimeOffset ToUserTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// The first instant of <paramref name="day"/> in the user's zone, as a UTC instant. When local
    /// midnight does not exist (a daylight-saving jump at midnight, as Iran had until 2022) this is the
    /// instant of the jump; when it occurs twice, the earlier one.
    /// </summary>
    public DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (Zone.IsAmbiguousTime(midnight))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(midnight).Max();
            return new DateTimeOffset(midnight, offset).ToUniversalTime();
        }

        var firstValid = midnight;
        while (Zone.IsInvalidTime(firstValid))
        {
            firstValid = firstValid.AddMinutes(1);
        }

        return new DateTimeOffset(firstValid, Zone.GetUtcOffset(firstValid)).ToUniversalTime();
    }

    /// <summary>The first instant of the day after <paramref name="day"/> (exclusive end of the day), in UTC.</summary>
    public DateTimeOffset EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1));

    /// <summary>
    /// Finds a time zone by IANA id (Windows ids are accepted where the platform maps them). A null or
    /// blank id gives <see cref="DefaultZoneId"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The id names no time zone known to this machine.</exception>
    public static TimeZoneInfo ResolveZone(string? id)
    {
        if (TryResolveZone(id, out var zone))
        {
            return zone;
        }

        throw new ArgumentException(
            $"Unknown time zone '{id}'. Configure an IANA time zone id such as '{DefaultZoneId}' or 'Europe/Berlin' (Sync:TimeZone).",
            nameof(id));
    }

    /// <summary>Like <see cref="ResolveZone"/>, but returns false instead of throwing for an unknown id.</summary>
    public static bool TryResolveZone(string? id, out TimeZoneInfo zone)
    {
        var wanted = string.IsNullOrWhiteSpace(id) ? DefaultZoneId : id.Trim();
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(wanted);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
