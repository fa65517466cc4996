using System.Globalization;

namespace Hamgam.Bench;

/// <summary>How a measured figure is judged against its floor or target.</summary>
internal enum Judge
{
    /// <summary>Informational: no target.</summary>
    None,

    /// <summary>Passes when measured ≤ target × tolerance (a floor with an allowed ratio, or a ceiling).</summary>
    AtMost,

    /// <summary>Passes when measured equals the target.</summary>
    Exactly,
}

/// <summary>One row of the results table.</summary>
internal sealed record Figure(string Scenario, string Name, double? Measured, string Unit, double? Target = null, Judge Judge = Judge.None, double Tolerance = 1, string? Note = null)
{
    public static Figure NotRun(string scenario, string name, string why) => new(scenario, name, null, "", Note: why);

    public double? Ratio => Measured is { } m && Target is { } t && t != 0 ? m / t : null;

    public bool? Passed => Measured is not { } m || Target is not { } t ? null : Judge switch
    {
        Judge.AtMost => m <= (t * Tolerance) + 1e-9,
        Judge.Exactly => Math.Abs(m - t) < 1e-9,
        _ => null,
    };

    public string TargetText => Target is not { } t ? "—" : Judge switch
    {
        Judge.AtMost when Tolerance != 1 => $"{Format(t)} {Unit} (≤ {Tolerance.ToString("0.00", CultureInfo.InvariantCulture)}×)",
        Judge.AtMost => $"≤ {Format(t)} {Unit}",
        _ => $"{Format(t)} {Unit}",
    };

    public string MeasuredText => Measured is { } m ? $"{Format(m)} {Unit}".TrimEnd() : "not run";

    public static string Format(double value) =>
        Math.Abs(value) >= 100 || value == Math.Floor(value)
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
}
