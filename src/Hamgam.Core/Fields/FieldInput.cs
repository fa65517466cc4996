using System.Globalization;
using System.Text.Json;
using Hamgam.Core.Data;

namespace Hamgam.Core.Fields;

/// <summary>The canonical values read from a JSON body, or what is wrong with it, field by field.</summary>
public sealed record FieldInputResult(Dictionary<string, string?> Values, Dictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads a JSON object of camelCase fields into canonical values, strictly: unknown and read-only fields,
/// wrong JSON types, over-long text and malformed dates are errors named by field. <c>null</c> clears a field.
/// </summary>
public static class FieldInput
{
    public const int MaxTitleLength = 2_000;
    public const int MaxTextLength = 100_000;
    public const int MaxOptionLength = 100;
    public const int MaxOptions = 100;

    /// <summary>Fields the API shows but never accepts: identity and sync bookkeeping (no mass assignment).</summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "notionId", "notionUrl", "lastSynced", "createdAt", "updatedAt", "syncState", "syncError", "deleted",
    };

    public static FieldInputResult Read(EntityFieldSet fields, JsonElement body, bool creating)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["The body must be a JSON object."];
            return new FieldInputResult(values, errors);
        }

        foreach (var property in body.EnumerateObject())
        {
            if (property.Name == "version")
            {
                continue;
            }

            var field = fields.Find(property.Name);
            var error = field is null
                ? ReadOnly.Contains(property.Name) ? "This field is read-only." : $"Unknown field. Known fields: {string.Join(", ", fields.Fields.Select(f => f.Name))}."
                : TryRead(field, property.Value, out var value) is { } message ? message : Store(values, field.Name, value);
            if (error is not null)
            {
                errors[property.Name] = [error];
            }
        }

        foreach (var field in fields.Fields.Where(f => f.Required))
        {
            var missing = creating ? !values.TryGetValue(field.Name, out var v) || v is null : values.TryGetValue(field.Name, out var p) && p is null;
            if (missing && !errors.ContainsKey(field.Name))
            {
                errors[field.Name] = ["This field is required and cannot be empty."];
            }
        }

        return new FieldInputResult(values, errors);
    }

    /// <summary>Reads the optional <c>version</c> property used for optimistic concurrency.</summary>
    public static long? ReadVersion(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("version", out var v) && v.TryGetInt64(out var version) ? version : null;

    private static string? Store(Dictionary<string, string?> values, string name, string? value)
    {
        values[name] = value;
        return null;
    }

    private static string? TryRead(FieldDescriptor field, JsonElement json, out string? value)
    {
        value = null;
        if (json.ValueKind == JsonValueKind.Null)
        {
            value = field.Kind == FieldKind.Checkbox ? Canonical.Bool(false) : null;
            return null;
        }

        return field.Kind switch
        {
            FieldKind.Title => ReadString(json, MaxTitleLength, out value),
            FieldKind.Text => ReadString(json, MaxTextLength, out value),
            FieldKind.Select or FieldKind.Status => ReadOption(json, out value),
            FieldKind.MultiSelect => ReadOptions(json, out value),
            FieldKind.Date => ReadDate(json, out value),
            FieldKind.Checkbox => json.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? Store(out value, Canonical.Bool(json.GetBoolean()))
                : "Expected true, false or null.",
            FieldKind.Number => ReadNumber(json, out value),
            FieldKind.Relation => json.ValueKind == JsonValueKind.String && Guid.TryParse(json.GetString(), out var id)
                ? Store(out value, Canonical.Id(id))
                : "Expected the id (a UUID) of an existing record, or null.",
            _ => "This field cannot be written.",
        };
    }

    private static string? Store(out string? value, string? canonical)
    {
        value = canonical;
        return null;
    }

    private static string? ReadString(JsonElement json, int maxLength, out string? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.String)
        {
            return "Expected a string or null.";
        }

        var text = json.GetString()!;
        return text.Length > maxLength ? $"At most {maxLength} characters (got {text.Length})." : Store(out value, Canonical.Text(text));
    }

    private static string? ReadOption(JsonElement json, out string? value)
    {
        var error = ReadString(json, MaxOptionLength, out value);
        return error ?? (value is not null && value.Contains(',', StringComparison.Ordinal) ? "Notion option names cannot contain commas." : null);
    }

    private static string? ReadOptions(JsonElement json, out string? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.Array)
        {
            return "Expected an array of strings.";
        }

        var options = new List<string>();
        foreach (var item in json.EnumerateArray())
        {
            if (ReadOption(item, out var option) is { } error)
            {
                return $"Item {options.Count}: {error}";
            }

            if (option is not null && !options.Contains(option, StringComparer.Ordinal))
            {
                options.Add(option);
            }
        }

        return options.Count > MaxOptions ? $"At most {MaxOptions} options." : Store(out value, Canonical.List(options));
    }

    private static string? ReadDate(JsonElement json, out string? value)
    {
        value = null;
        return json.ValueKind == JsonValueKind.String && FlexDate.TryParse(json.GetString(), out var date)
            ? Store(out value, Canonical.Date(date))
            : "Expected an ISO 8601 date such as 2026-11-24 or 2026-11-24T18:30:00+03:30, or null.";
    }

    private static string? ReadNumber(JsonElement json, out string? value)
    {
        value = null;
        if (json.ValueKind != JsonValueKind.Number || !json.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return "Expected a number or null.";
        }

        return Math.Abs(number) > 1e15 ? "The number is too large." : Store(out value, number.ToString("R", CultureInfo.InvariantCulture));
    }
}
