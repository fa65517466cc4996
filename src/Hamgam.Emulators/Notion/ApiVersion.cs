namespace Hamgam.Emulators.Notion;

/// <summary>A Notion-Version header value and what it changes in the wire format.</summary>
internal sealed record ApiVersion(string Value)
{
    public static readonly string[] Known = ["2021-05-11", "2021-05-13", "2021-08-16", "2022-02-22", "2022-06-28", "2025-09-03", "2026-03-11"];

    public static readonly ApiVersion Latest = new("2026-03-11");

    /// <summary>Before 2025-09-03: no data sources; databases are queried directly.</summary>
    public bool IsLegacy => string.CompareOrdinal(Value, "2025-09-03") < 0;

    /// <summary>Before 2026-03-11 objects also carry the deprecated <c>archived</c> alias of <c>in_trash</c>.</summary>
    public bool HasArchived => string.CompareOrdinal(Value, "2026-03-11") < 0;

    public static ApiVersion Parse(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            throw new NotionApiException(400, "missing_version",
                "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
        }
        if (Array.IndexOf(Known, header) < 0)
        {
            var allowed = string.Join(", ", Known[..^1].Select(v => $"\"{v}\"")) + $", or \"{Known[^1]}\"";
            throw NotionApiException.Validation(
                $"Notion-Version header failed validation: Notion-Version header should be {allowed}, instead was `\"{header}\"`.");
        }
        return new ApiVersion(header);
    }
}
