using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AntDesign;
using AntDesign.Locales;

namespace Hamgam.Web.Infrastructure.Localization;

/// <summary>
/// AntDesign 1.6.2 ships a fa-IR locale whose <c>firstDayOfWeek</c> is the Persian word for Sunday, which cannot be
/// read as a <see cref="DayOfWeek"/>: every component that reads the locale then throws. This loads the embedded
/// locale, puts Saturday (the first day of the Persian week) there, and registers the repaired locale.
/// </summary>
public static class AntDesignLocales
{
    private const string PersianResource = "AntDesign.locales.fa-IR.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<Locale> Persian = new(LoadPersian);

    /// <summary>Registers the repaired fa-IR locale; safe to call more than once.</summary>
    public static void RegisterPersianFix() => LocaleProvider.SetLocale(DashboardCulture.Persian, Persian.Value);

    /// <summary>The repaired fa-IR locale (exposed for tests).</summary>
    public static Locale LoadPersian()
    {
        using var stream = typeof(LocaleProvider).Assembly.GetManifestResourceStream(PersianResource)
            ?? throw new InvalidOperationException($"AntDesign no longer embeds {PersianResource}; review the fa-IR fix.");
        var json = JsonNode.Parse(stream)!.AsObject();
        if (json["DatePicker"] is JsonObject datePicker)
        {
            datePicker["firstDayOfWeek"] = nameof(DayOfWeek.Saturday);
        }

        return json.Deserialize<Locale>(Options) ?? throw new InvalidOperationException("The fa-IR locale could not be read.");
    }
}
