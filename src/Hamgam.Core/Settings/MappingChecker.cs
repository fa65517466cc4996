using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Schema;
using Hamgam.Notion;
using Microsoft.Extensions.Options;

namespace Hamgam.Core.Settings;

/// <summary>What a proposed property name means against the live schema.</summary>
public enum MappingStatus
{
    Ok,
    Missing,
    WrongType,
    Duplicate,
}

/// <summary>One field's proposed property and its status; <paramref name="ActualType"/> is the property's Notion type when it exists.</summary>
public sealed record FieldCheck(string Field, string Property, MappingStatus Status, string? ActualType, IReadOnlyList<string> AcceptedTypes, string? Message);

/// <summary>
/// The check of a proposed mapping for one entity. <paramref name="Problem"/> (English) says why the schema could not be
/// read (no database configured, not shared, offline); then <paramref name="Fields"/> is empty.
/// </summary>
public sealed record MappingCheckResult(EntityKind Kind, string? Problem, IReadOnlyList<FieldCheck> Fields, IReadOnlyList<string> Properties)
{
    public bool Reached => Problem is null;

    public FieldCheck? For(string field) => Fields.FirstOrDefault(f => f.Field == field);
}

/// <summary>
/// Checks proposed property names against the live Notion schema before they are saved: the schema checker's
/// comparison (<see cref="NotionSchemaChecker.Compare"/>) under the proposed names, per field, plus names used twice.
/// </summary>
public sealed class MappingChecker(NotionClient notion, IOptions<NotionSyncOptions> options)
{
    /// <param name="kind">The entity.</param>
    /// <param name="proposed">The property name of every field, by field (fields left out keep their current name).</param>
    /// <param name="cancellationToken">Cancels the schema read.</param>
    public async Task<MappingCheckResult> CheckAsync(EntityKind kind, IReadOnlyDictionary<string, string> proposed, CancellationToken cancellationToken = default)
    {
        var current = options.Value;
        if (string.IsNullOrWhiteSpace(current.Token) || current.DatabaseFor(kind) is not { Length: > 0 } configured)
        {
            return new MappingCheckResult(kind, $"No Notion database is configured for {kind}s, so the names cannot be checked.", [], []);
        }

        IReadOnlyDictionary<string, PropertySchema> properties;
        try
        {
            properties = (await DataSourceResolver.ResolveAsync(notion, configured, cancellationToken)).Properties;
        }
        catch (NotionApiException ex)
        {
            return new MappingCheckResult(kind, NotionSchemaChecker.Explain(ex, configured), [], []);
        }
        catch (HttpRequestException ex)
        {
            return new MappingCheckResult(kind, $"Could not connect to Notion ({ex.Message}).", [], []);
        }

        var names = EntityFields.For(kind).Fields.ToDictionary(
            f => f.Name, f => proposed.GetValueOrDefault(f.Name) is { Length: > 0 } p ? p.Trim() : current.PropertyName(kind, f.Name, f.DefaultNotionProperty), StringComparer.Ordinal);
        var candidate = new NotionSyncOptions { Databases = current.Databases };
        candidate.Properties[kind.ToString()] = names;
        var findings = NotionSchemaChecker.Compare(kind, candidate, properties);
        var fields = EntityFields.For(kind).Fields.Select(f => Check(f, names, properties, findings)).ToList();
        return new MappingCheckResult(kind, null, fields, [.. properties.Keys.Order(StringComparer.Ordinal)]);
    }

    private static FieldCheck Check(FieldDescriptor field, Dictionary<string, string> names, IReadOnlyDictionary<string, PropertySchema> properties, IReadOnlyList<SchemaFinding> findings)
    {
        var name = names[field.Name];
        var accepted = HamgamSchema.AcceptedTypes(field.Kind);
        var actual = properties.TryGetValue(name, out var property) ? property.Type.Value : null;
        var error = findings.FirstOrDefault(f => f.Property == name && f.Severity == SchemaSeverity.Error);
        var twin = names.FirstOrDefault(n => n.Key != field.Name && n.Value == name).Key;
        var status = actual is null ? MappingStatus.Missing
            : error is not null && !accepted.Contains(actual, StringComparer.Ordinal) ? MappingStatus.WrongType
            : twin is not null ? MappingStatus.Duplicate
            : MappingStatus.Ok;
        var message = status == MappingStatus.Duplicate ? $"'{name}' is mapped to {twin} as well; each field needs its own property." : error?.Message;
        return new FieldCheck(field.Name, name, status, actual, accepted, status == MappingStatus.Ok ? null : message);
    }
}
