using Hamgam.Core.Data;
using Hamgam.Core.Fields;
using Hamgam.Core.Sync.Cursors;
using Hamgam.Notion;
using Microsoft.EntityFrameworkCore;

namespace Hamgam.Core.Sync.Mapping;

/// <summary>
/// The data source id and property bindings of an entity, as the last pull remembered them; when there are none yet
/// (a push before the first pull), the schema is read once and remembered for both directions.
/// </summary>
public sealed class SchemaCache(NotionClient notion, IDbContextFactory<HamgamDb> factory, NotionSyncOptions options)
{
    private readonly Dictionary<EntityKind, (string DataSourceId, SchemaBindings Bindings)> _loaded = [];

    public async Task<(string DataSourceId, SchemaBindings Bindings)?> GetAsync(EntityKind kind, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(kind, out var known))
        {
            return known;
        }

        if (options.DatabaseFor(kind) is not { Length: > 0 } configured)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cursor = await db.SyncCursors.SingleOrDefaultAsync(c => c.EntityKind == kind, cancellationToken);
        var bindings = SchemaBindings.Deserialize(cursor?.PropertyIds);
        if (cursor is null || bindings is null || string.IsNullOrEmpty(cursor.DataSourceId) || cursor.ConfiguredId != configured)
        {
            var dataSource = await DataSourceResolver.ResolveAsync(notion, configured, cancellationToken);
            (bindings, _) = BindingResolver.Resolve(EntityFields.For(kind), options, dataSource, bindings);
            var added = cursor is null;
            if (cursor is null)
            {
                cursor = new SyncCursor { EntityKind = kind };
                db.SyncCursors.Add(cursor);
            }
            else if (cursor.ConfiguredId != configured)
            {
                // Another database now: its pages are new to us, so the next pull starts from scratch.
                cursor.LastEditedTime = null;
                cursor.LastFullPullAt = null;
            }

            cursor.DataSourceId = dataSource.Id;
            cursor.ConfiguredId = configured;
            cursor.PropertyIds = bindings.Serialize();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (added)
            {
                // Another pusher (the CLI beside the server, or a second instance) remembered the same schema first:
                // its row stands, and what was read here is just as current.
            }
        }

        _loaded[kind] = (cursor.DataSourceId, bindings);
        return _loaded[kind];
    }
}
