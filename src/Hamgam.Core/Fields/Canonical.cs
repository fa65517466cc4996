using System.Globalization;
using System.Text.Json;
using Hamgam.Core.Data;

namespace Hamgam.Core.Fields;

/// <summary>
/// The one textual form of every field value. Snapshots, the outbox, the merge and the conflict inbox all compare
/// and store these strings; null means empty (no text, no option, no date, an empty list).
/// </summary>
public static class Canonical
{
    public static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static string? List(IReadOnlyCollection<string>? values) =>
        values is null || values.Count == 0 ? null : JsonSerializer.Serialize(values, CanonicalJson.Relaxed.IReadOnlyCollectionString);

    public static List<string> ParseList(string? value) =>
        value is null ? [] : JsonSerializer.Deserialize(value, CanonicalJson.Relaxed.ListString) ?? [];

    public static string Bool(bool value) => value ? "true" : "false";

    public static bool ParseBool(string? value) => value == "true";

    public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    public static double? ParseNumber(string? value) =>
        value is null ? null : double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string? Date(FlexDate? value) => value?.ToString();

    public static FlexDate? ParseDate(string? value) => value is null ? null : FlexDate.Parse(value);

    public static string? Id(Guid? value) => value?.ToString("D");

    public static Guid? ParseId(string? value) => value is null ? null : Guid.Parse(value);

    public static string Serialize(IReadOnlyDictionary<string, string?> fields) =>
        JsonSerializer.Serialize(fields, CanonicalJson.Relaxed.IReadOnlyDictionaryStringString);

    public static Dictionary<string, string?> Deserialize(string? json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, string?>(StringComparer.Ordinal)
            : new Dictionary<string, string?>(
                JsonSerializer.Deserialize(json, CanonicalJson.Relaxed.DictionaryStringString) ?? [], StringComparer.Ordinal);
}
