using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Settings;

/// <summary>
/// The settings the user edits on the settings page, kept in the database's <c>settings</c> table: the job schedules
/// (a cron expression or <see cref="Off"/>) and the Notion property name of each field. A stored value overrides
/// configuration; removing it falls back to configuration.
/// </summary>
public sealed class SettingsStore(IDbContextFactory<HamgamDb> factory, TimeProvider time)
{
    /// <summary>The stored value of a schedule that is switched off.</summary>
    public const string Off = "off";

    private const string SchedulePrefix = "schedule:";
    private const string MappingPrefix = "mapping:";

    /// <summary>The stored schedules by job id (e.g. <c>sync</c>): a cron expression or <see cref="Off"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetSchedulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith(SchedulePrefix)).ToListAsync(cancellationToken);
        return rows.ToDictionary(s => s.Key[SchedulePrefix.Length..], s => s.Value, StringComparer.Ordinal);
    }

    /// <summary>Stores a job's schedule (a cron expression or <see cref="Off"/>); null removes it, so configuration applies again.</summary>
    public async Task SaveScheduleAsync(string job, string? value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await PutAsync(db, SchedulePrefix + job, string.IsNullOrWhiteSpace(value) ? null : value.Trim(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<PropertyMapping> GetMappingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return ToMapping(await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith(MappingPrefix)).ToListAsync(cancellationToken));
    }

    /// <summary>The same as <see cref="GetMappingAsync"/>, for the first synchronous use of <see cref="SavedPropertyNames"/>.</summary>
    public PropertyMapping GetMapping()
    {
        using var db = factory.CreateDbContext();
        return ToMapping([.. db.Settings.AsNoTracking().Where(s => s.Key.StartsWith(MappingPrefix))]);
    }

    /// <summary>
    /// Stores property names of one entity's fields (a null or blank name resets the field to configuration or the
    /// default). Fields whose property changes lose the binding remembered by earlier pulls, and the entity's data
    /// source is resolved again with a full pull next time, so the next pull or push reads the new property.
    /// </summary>
    public async Task<PropertyMapping> SaveMappingAsync(EntityKind kind, IReadOnlyDictionary<string, string?> names, CancellationToken cancellationToken = default)
    {
        var fields = EntityFields.For(kind);
        foreach (var field in names.Keys.Where(f => fields.Find(f) is null))
        {
            throw new ArgumentException($"{kind} has no field '{field}'.", nameof(names));
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, name) in names)
        {
            if (await PutAsync(db, MappingKey(kind, field), string.IsNullOrWhiteSpace(name) ? null : name.Trim(), cancellationToken))
            {
                changed.Add(field);
            }
        }

        if (changed.Count > 0)
        {
            await ForgetBindingsAsync(db, kind, changed, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ToMapping(await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith(MappingPrefix)).ToListAsync(cancellationToken));
    }

    private static async Task ForgetBindingsAsync(HamgamDb db, EntityKind kind, HashSet<string> changed, CancellationToken cancellationToken)
    {
        var cursor = await db.SyncCursors.SingleOrDefaultAsync(c => c.EntityKind == kind, cancellationToken);
        if (cursor is null)
        {
            return;
        }

        // A remembered property id wins over the name; the changed fields must be bound by their new names. An empty data
        // source id makes the next pull or push resolve the schema again, and no full-pull time makes that pull a full one.
        var remembered = SchemaBindings.Deserialize(cursor.PropertyIds);
        cursor.PropertyIds = remembered is null ? null : new SchemaBindings(remembered.All.Where(b => !changed.Contains(b.Field))).Serialize();
        cursor.DataSourceId = "";
        cursor.LastFullPullAt = null;
    }

    /// <summary>Sets or removes one value; true when the stored value changed.</summary>
    private async Task<bool> PutAsync(HamgamDb db, string key, string? value, CancellationToken cancellationToken)
    {
        var row = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (value is null)
        {
            if (row is not null)
            {
                db.Settings.Remove(row);
            }

            return row is not null;
        }

        if (row is null)
        {
            db.Settings.Add(new StoredSetting { Key = key, Value = value, UpdatedAt = time.GetUtcNow() });
            return true;
        }

        if (row.Value == value)
        {
            return false;
        }

        row.Value = value;
        row.UpdatedAt = time.GetUtcNow();
        return true;
    }

    private static string MappingKey(EntityKind kind, string field) => $"{MappingPrefix}{kind}:{field}";

    private static PropertyMapping ToMapping(IEnumerable<StoredSetting> rows)
    {
        var names = new List<KeyValuePair<(EntityKind, string), string>>();
        foreach (var row in rows)
        {
            var parts = row.Key.Split(':', 3);
            if (parts.Length == 3 && Enum.TryParse<EntityKind>(parts[1], out var kind))
            {
                names.Add(new((kind, parts[2]), row.Value));
            }
        }

        return new PropertyMapping(names);
    }
}
