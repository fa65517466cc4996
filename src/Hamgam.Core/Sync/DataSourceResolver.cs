using System.Text.RegularExpressions;
using Hamgam.Notion;

namespace Hamgam.Core.Sync;

/// <summary>Users may configure a database id, a data source id, or a Notion URL; the sync needs the data source.</summary>
public static partial class DataSourceResolver
{
    /// <summary>Extracts the 32-hex id from an id (with or without dashes) or a Notion URL; null when there is none.</summary>
    public static string? NormalizeId(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var match = HexId().Matches(configured.Replace("-", "", StringComparison.Ordinal)).LastOrDefault();
        if (match is null)
        {
            return null;
        }

        var hex = match.Value.ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>
    /// Retrieves the data source. The id is tried as a database first (the seed's settings name databases, and a
    /// database id resolves in two requests that way), then as a data source.
    /// </summary>
    public static async Task<NotionDataSource> ResolveAsync(NotionClient notion, string configured, CancellationToken cancellationToken)
    {
        var id = NormalizeId(configured) ?? throw new NotionApiException(400, "validation_error",
            $"'{configured}' does not contain a Notion id (32 hexadecimal characters).");
        NotionDatabase database;
        try
        {
            database = await notion.Databases.RetrieveAsync(id, cancellationToken);
        }
        catch (NotionApiException ex) when (ex.Status == 404)
        {
            return await notion.DataSources.RetrieveAsync(id, cancellationToken);
        }

        if (database.DataSources.Count == 0)
        {
            throw new NotionApiException(404, "object_not_found", $"The database {id} has no data source.");
        }

        return await notion.DataSources.RetrieveAsync(database.DataSources[0].Id, cancellationToken);
    }

    [GeneratedRegex("[0-9a-fA-F]{32}")]
    private static partial Regex HexId();
}
