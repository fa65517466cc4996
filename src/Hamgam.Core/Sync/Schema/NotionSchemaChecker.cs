using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Notion;
using Microsoft.Extensions.Options;

namespace Hamgam.Core.Sync.Schema;

/// <summary>
/// Checks each configured Notion database against <see cref="HamgamSchema"/>: reachable with the token, shared with the
/// integration, every expected property present with an accepted type. One request or two per database.
/// </summary>
public sealed class NotionSchemaChecker(NotionClient notion, IOptions<NotionSyncOptions> options)
{
    public const string IntegrationsPage = "https://www.notion.so/profile/integrations";

    /// <summary>Checks every entity; an entity without a configured database gets one warning.</summary>
    public async Task<IReadOnlyList<DatabaseCheck>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<DatabaseCheck>();
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            results.Add(await CheckAsync(kind, cancellationToken));
        }

        return results;
    }

    public async Task<DatabaseCheck> CheckAsync(EntityKind kind, CancellationToken cancellationToken = default)
    {
        var configured = options.Value.DatabaseFor(kind);
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new DatabaseCheck(kind, null, null,
                [new(SchemaSeverity.Warning, null, $"No database is configured: set Notion__Databases__{kind}s (or run `hamgam init-notion`).")]);
        }

        try
        {
            var source = await DataSourceResolver.ResolveAsync(notion, configured, cancellationToken);
            var projects = kind == EntityKind.Task ? await ProjectsDataSourceIdAsync(cancellationToken) : null;
            return new DatabaseCheck(kind, configured, source.PlainTitle, Compare(kind, options.Value, source.Properties, projects));
        }
        catch (NotionApiException ex)
        {
            return new DatabaseCheck(kind, configured, null, [new(SchemaSeverity.Error, null, Explain(ex, configured))]);
        }
        catch (HttpRequestException ex)
        {
            return new DatabaseCheck(kind, configured, null,
                [new(SchemaSeverity.Error, null, $"Could not connect to {options.Value.BaseUrl} ({ex.Message}): check the network and Notion__BaseUrl.")]);
        }
    }

    /// <summary>
    /// Compares a data source's schema with what <paramref name="kind"/> needs, under the configured names.
    /// <paramref name="projectsDataSourceId"/> is the configured Projects database's data source, which a task's relation points at.
    /// </summary>
    public static IReadOnlyList<SchemaFinding> Compare(EntityKind kind, NotionSyncOptions options, IReadOnlyDictionary<string, PropertySchema> properties,
        string? projectsDataSourceId = null)
    {
        var findings = new List<SchemaFinding>();
        foreach (var field in EntityFields.For(kind).Fields)
        {
            var name = options.PropertyName(kind, field.Name, field.DefaultNotionProperty);
            var accepted = HamgamSchema.AcceptedTypes(field.Kind);
            var wanted = Describe(accepted[0]);
            if (!properties.TryGetValue(name, out var property) && field.Optional)
            {
                findings.Add(new(SchemaSeverity.Info, name,
                    $"'{name}' is optional and absent; add {Article(wanted)} property named '{name}' in Notion (or run `hamgam init-notion` on a new database) to sync {field.Name}."));
                continue;
            }

            if (property is null)
            {
                var hint = field.Kind == FieldKind.Title
                    ? $"rename the database's title property to '{name}'"
                    : $"add a {wanted} property named '{name}' in Notion";
                findings.Add(new(SchemaSeverity.Error, name,
                    $"'{name}' is missing: {hint}, or map the field to your own property with Notion__Properties__{kind}s__{field.Name}=<name>."));
                continue;
            }

            var type = property.Type.Value ?? "";
            if (!accepted.Contains(type, StringComparer.Ordinal))
            {
                findings.Add(new(SchemaSeverity.Error, name,
                    $"'{name}' is {Article(Describe(type))}; it must be {Article(wanted)}. Change its type in Notion (••• on the column → Edit property → Type)."));
            }
            else if (field.Kind == FieldKind.Status && type == "status")
            {
                findings.Add(new(SchemaSeverity.Info, name, $"'{name}' is a status property; Hamgam supports it (as well as a select)."));
            }
            else if (field.Kind == FieldKind.Relation && kind == EntityKind.Task && property.RelationDataSourceId is { } target
                && options.Databases.Projects is { Length: > 0 } projects && DataSourceResolver.NormalizeId(projects) is { } projectsId
                && !string.Equals(DataSourceResolver.NormalizeId(target), projectsId, StringComparison.Ordinal)
                && !string.Equals(DataSourceResolver.NormalizeId(target), DataSourceResolver.NormalizeId(projectsDataSourceId), StringComparison.Ordinal))
            {
                findings.Add(new(SchemaSeverity.Info, name,
                    $"'{name}' relates to data source {target}; make sure it is your Projects database (configured as {projects})."));
            }
        }

        return findings;
    }

    // A relation names a data source, while the configuration names a database: the two ids differ even when they agree.
    private async Task<string?> ProjectsDataSourceIdAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Databases.Projects is not { Length: > 0 } projects)
        {
            return null;
        }

        try
        {
            return (await DataSourceResolver.ResolveAsync(notion, projects, cancellationToken)).Id;
        }
        catch (NotionApiException)
        {
            return null;
        }
    }

    /// <summary>What a refusal from Notion means for one database, and what to do.</summary>
    public static string Explain(NotionApiException ex, string configured) => ex.Status switch
    {
        401 => $"The token is not valid: create a new internal integration token at {IntegrationsPage} (Internal → Secrets) and set Notion__Token (or NOTION_API_KEY).",
        403 => "The integration may not read content: give it the \"Read content\" capability (and update/insert) on its page at " + IntegrationsPage + ".",
        404 => $"Database {configured} is not shared with the integration (or the id is wrong): open the database in Notion → ••• → Connections → add your integration.",
        400 => $"'{configured}' is not a Notion database id: copy the database's link (••• → Copy link) and use the 32-character id in it.",
        429 => "Notion is rate-limiting the integration right now; try again in a minute.",
        _ => $"Notion is not available right now (it answered {ex.Status}); try again later.",
    };

    private static string Describe(string type) => type switch
    {
        "rich_text" => "text",
        "multi_select" => "multi-select",
        "" => "property of an unknown type",
        _ => type.Replace('_', ' '),
    };

    private static string Article(string noun) => (noun.Length > 0 && "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;
}
