using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;
using Hamgam.Emulators.Notion.Query;
using Hamgam.Emulators.Notion.Webhooks;

namespace Hamgam.Emulators.Notion;

/// <summary>The ids of a database and of its (first) data source.</summary>
public sealed record NotionDatabaseIds(string DatabaseId, string DataSourceId);

/// <summary>A data source as listed by the inspection surface.</summary>
public sealed record NotionDataSourceSummary(string DataSourceId, string DatabaseId, string Title, int PageCount, int TrashedCount);

/// <summary>
/// The emulated workspace: databases, data sources, pages and users in memory. Seeding and inspection methods here
/// share the API's code path (request-shaped JSON in, response-shaped JSON out) but bypass the rate limit and
/// faults. Thread-safe: every operation holds one lock.
/// </summary>
public sealed class NotionWorkspace
{
    /// <summary>
    /// The 400 message for editing a trashed page. Notion's wording is undocumented and has varied ("Can't update a
    /// page that is archived…", "Can't edit block that is archived…"): a client must recognise the state otherwise.
    /// </summary>
    public string TrashedPageMessage { get; set; } = "Can't update a page that is archived. You must unarchive the page before updating.";

    private readonly Dictionary<string, NotionDatabase> _databases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotionDataSource> _dataSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotionPage> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotionUser> _users = new(StringComparer.Ordinal);
    private readonly NotionEmulatorOptions _options;
    private long _sequence;

#pragma warning disable CA1051, SA1401 // a field so Interlocked can update it
    internal long LastSaveTicks;
#pragma warning restore CA1051, SA1401

    internal NotionWorkspace(NotionEmulatorOptions options)
    {
        _options = options;
        Computed = new ComputedValues(this);
        Renderer = new PageRenderer(this);
        Schemas = new SchemaRenderer(this);
        Values = new PropertyValues(this);
        SchemaBuilder = new SchemaBuilder(this);
        Queries = new QueryEngine(Computed, FindPageUnlocked);
        SearchIndex = new SearchIndex(this);
        Search = new SearchEngine(this, SearchIndex);
        Pages = new PageOperations(this);
        Databases = new DatabaseOperations(this);
        Webhooks = new NotionWebhooks(options, () => WorkspaceName);
        BotUserId = NotionIds.NewId();
        _users[BotUserId] = new NotionUser { Id = BotUserId, Name = options.IntegrationName, Type = "bot" };
        OwnerUserId = AddUserUnlocked("Hamgam Owner", "owner@hamgam.example");
        RootPageId = CreateRootPage("Hamgam");
    }

    internal Lock Gate { get; } = new();

    internal ComputedValues Computed { get; }

    internal PageRenderer Renderer { get; }

    internal SchemaRenderer Schemas { get; }

    internal PropertyValues Values { get; }

    internal SchemaBuilder SchemaBuilder { get; }

    internal QueryEngine Queries { get; }

    internal PageOperations Pages { get; }

    internal SearchIndex SearchIndex { get; }

    internal SearchEngine Search { get; }

    internal DatabaseOperations Databases { get; }

    /// <summary>The integration's webhook subscriptions; every page change is published to them.</summary>
    public NotionWebhooks Webhooks { get; }

    internal IEnumerable<NotionUser> Users => _users.Values;

    internal bool IsDirty { get; set; }

    /// <summary>The integration's bot user: the author of every API write.</summary>
    public string BotUserId { get; private set; }

    /// <summary>A person user: the author of seeding and inspection writes (someone editing in Notion).</summary>
    public string OwnerUserId { get; private set; }

    /// <summary>A page shared with the integration, under which databases are created by default.</summary>
    public string RootPageId { get; private set; }

    internal string WorkspaceName => _options.WorkspaceName;

    internal DateTimeOffset Now => _options.Clock.GetUtcNow();

    internal NotionEmulatorOptions Options => _options;

    internal IReadOnlyDictionary<string, string> IntegrationData => new Dictionary<string, string> { ["integration_id"] = BotUserId };

    /// <summary>Adds a person to the workspace and returns their id.</summary>
    public string AddUser(string name, string? email = null)
    {
        lock (Gate)
        {
            return AddUserUnlocked(name, email);
        }
    }

    /// <summary>Creates a database with one data source; <paramref name="properties"/> is shaped like <c>initial_data_source.properties</c>.</summary>
    public NotionDatabaseIds CreateDatabase(string title, JsonObject properties, string? parentPageId = null)
    {
        var body = new JsonObject
        {
            ["parent"] = new JsonObject { ["type"] = "page_id", ["page_id"] = parentPageId ?? RootPageId },
            ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = title } }),
            ["initial_data_source"] = new JsonObject { ["properties"] = properties.DeepClone() },
        };
        lock (Gate)
        {
            var database = Databases.Create(body);
            return new NotionDatabaseIds(database.Id, database.DataSourceIds[0]);
        }
    }

    /// <summary>Creates a row in a data source from request-shaped properties; returns the page object.</summary>
    public JsonObject CreatePage(string dataSourceId, JsonObject properties) => CreatePage(new JsonObject
    {
        ["parent"] = new JsonObject { ["data_source_id"] = dataSourceId },
        ["properties"] = properties.DeepClone(),
    });

    /// <summary>Creates a page from a full <c>POST /v1/pages</c> body; returns the page object.</summary>
    public JsonObject CreatePage(JsonObject body) =>
        Render(w => Renderer.WritePage(w, Pages.Create((JsonObject)body.DeepClone(), OwnerUserId), RenderOptions.Latest));

    /// <summary>Applies a <c>PATCH /v1/pages/{id}</c> body as the workspace owner; returns the page object.</summary>
    public JsonObject UpdatePage(string pageId, JsonObject body) =>
        Render(w => Renderer.WritePage(w, Pages.Update(RequireId(pageId), (JsonObject)body.DeepClone(), ApiVersion.Latest, OwnerUserId), RenderOptions.Latest));

    /// <summary>Moves a page to the trash (or restores it); returns the page object.</summary>
    public JsonObject TrashPage(string pageId, bool inTrash = true) => UpdatePage(pageId, new JsonObject { ["in_trash"] = inTrash });

    /// <summary>
    /// Applies a <c>POST /v1/pages/{id}/move</c> body (<c>{"parent": {"data_source_id": ...}}</c> or a page parent) as
    /// the workspace owner, as a user dragging the page elsewhere in Notion; returns the page object.
    /// </summary>
    public JsonObject MovePage(string pageId, JsonObject body) =>
        Render(w => Renderer.WritePage(w, Pages.Move(RequireId(pageId), (JsonObject)body.DeepClone(), OwnerUserId), RenderOptions.Latest));

    /// <summary>
    /// Fault injection for tests: from now on this page renders <paramref name="raw"/> as the value of the named
    /// property (say, a number where a select belongs), as a page corrupted or half-migrated by Notion would read.
    /// </summary>
    public void CorruptPropertyValue(string pageId, string propertyName, JsonNode? raw)
    {
        lock (Gate)
        {
            var page = _pages[NotionIds.Normalize(pageId) ?? throw new ArgumentException("Not a page id.", nameof(pageId))];
            var property = _dataSources[page.DataSourceId!].FindProperty(propertyName)
                ?? throw new ArgumentException($"No property {propertyName}.", nameof(propertyName));
            page.Corrupted[property.Id] = raw?.DeepClone();
        }
    }

    /// <summary>The page object (2026-03-11 shape), or null for an unknown id.</summary>
    public JsonObject? GetPage(string pageId)
    {
        lock (Gate)
        {
            return NotionIds.Normalize(pageId) is { } id && _pages.TryGetValue(id, out var page)
                ? RenderUnlocked(w => Renderer.WritePage(w, page, RenderOptions.Latest))
                : null;
        }
    }

    /// <summary>The data source object (2026-03-11 shape), or null for an unknown id.</summary>
    public JsonObject? GetDataSource(string dataSourceId)
    {
        lock (Gate)
        {
            return NotionIds.Normalize(dataSourceId) is { } id && _dataSources.TryGetValue(id, out var dataSource)
                ? RenderUnlocked(w => Schemas.WriteDataSource(w, dataSource, ApiVersion.Latest))
                : null;
        }
    }

    /// <summary>Applies a <c>PATCH /v1/data_sources/{id}</c> body; returns the data source object.</summary>
    public JsonObject UpdateDataSource(string dataSourceId, JsonObject body) =>
        Render(w => Schemas.WriteDataSource(w, Databases.UpdateDataSource(RequireId(dataSourceId), (JsonObject)body.DeepClone(), OwnerUserId), ApiVersion.Latest));

    /// <summary>Every data source with its page counts.</summary>
    public IReadOnlyList<NotionDataSourceSummary> ListDataSources()
    {
        lock (Gate)
        {
            return _dataSources.Values.Select(d => new NotionDataSourceSummary(d.Id, d.DatabaseId, RichText.PlainText(d.Title),
                d.Pages.Count(p => !p.InTrash), d.Pages.Count(p => p.InTrash))).ToList();
        }
    }

    /// <summary>The rows of a data source, oldest first, as page objects.</summary>
    public IReadOnlyList<JsonObject> ListPages(string dataSourceId, bool includeTrashed = false)
    {
        lock (Gate)
        {
            var dataSource = FindDataSourceUnlocked(RequireId(dataSourceId)) ?? throw NotFound("data_source", dataSourceId);
            return dataSource.Pages.Where(p => includeTrashed || !p.InTrash)
                .Select(p => RenderUnlocked(w => Renderer.WritePage(w, p, RenderOptions.Latest))).ToList();
        }
    }

    internal JsonObject Render(Action<Utf8JsonWriter> write)
    {
        lock (Gate)
        {
            return RenderUnlocked(write);
        }
    }

    private static JsonObject RenderUnlocked(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    private static string RequireId(string raw) =>
        NotionIds.Normalize(raw) ?? throw new ArgumentException($"'{raw}' is not a Notion id.", nameof(raw));


    internal NotionUser? FindUser(string id) => _users.GetValueOrDefault(id);

    internal NotionPage? FindPageUnlocked(string id) => _pages.GetValueOrDefault(id);

    internal NotionDataSource? FindDataSourceUnlocked(string id) => _dataSources.GetValueOrDefault(id);

    internal NotionDatabase? FindDatabaseUnlocked(string id) => _databases.GetValueOrDefault(id);

    internal NotionDataSource LegacyDataSource(NotionDatabase database) => _dataSources[database.DataSourceIds[0]];

    internal IEnumerable<NotionDatabase> AllDatabases => _databases.Values;

    internal IEnumerable<NotionPage> AllPages => _pages.Values;

    internal long NextSequence() => ++_sequence;

    internal void Register(NotionDatabase database) => _databases[database.Id] = database;

    internal void Register(NotionDataSource dataSource) => _dataSources[dataSource.Id] = dataSource;

    internal void Register(NotionPage page)
    {
        _pages[page.Id] = page;
        _sequence = Math.Max(_sequence, page.Sequence);
    }

    internal void Register(NotionUser user) => _users[user.Id] = user;

    internal void Touch(NotionDataSource dataSource)
    {
        dataSource.Version++;
        IsDirty = true;
    }

    internal string TitleOf(NotionPage page)
    {
        if (page.DataSourceId is null)
        {
            return RichText.PlainText(page.Values.GetValueOrDefault("title"));
        }
        var dataSource = _dataSources[page.DataSourceId];
        return RichText.PlainText(page.Values.GetValueOrDefault(dataSource.TitleProperty.Id));
    }

    internal (string Title, string? Url) DescribePage(string pageId) =>
        _pages.TryGetValue(pageId, out var page) ? (TitleOf(page) is { Length: > 0 } t ? t : "Untitled", Renderer.Url(page)) : ("Untitled", null);

    internal string NotFoundMessage(string kind, string id) => kind == "user"
        ? $"Could not find user with ID: {id}. Make sure your integration has capabilities to read user information. With those capabilities, only members and guests in the integration's workspace are visible."
        : $"Could not find {kind} with ID: {id}. Make sure the relevant pages and databases are shared with your integration \"{_options.IntegrationName}\".";

    internal NotionApiException NotFound(string kind, string id) => new(404, "object_not_found", NotFoundMessage(kind, id), IntegrationData);

    internal NotionOption AddOption(NotionProperty property, string name, string? color)
    {
        var option = new NotionOption { Id = Guid.NewGuid().ToString(), Name = name, Color = color ?? "default" };
        property.Options.Add(option);
        IsDirty = true;
        return option;
    }

    internal void DropValues(NotionDataSource dataSource, string propertyId)
    {
        foreach (var page in dataSource.Pages)
        {
            page.Values.Remove(propertyId);
        }
        Touch(dataSource);
    }

    internal void ConfigureRelation(NotionDataSource dataSource, NotionProperty property, JsonObject config, string path) =>
        Databases.ConfigureRelation(dataSource, property, config, path);

    internal void ResetIdentity(string botUserId, string ownerUserId, string rootPageId)
    {
        BotUserId = botUserId;
        OwnerUserId = ownerUserId;
        RootPageId = rootPageId;
    }

    internal void Clear()
    {
        _databases.Clear();
        _dataSources.Clear();
        _pages.Clear();
        _users.Clear();
        SearchIndex.Clear();
        _sequence = 0;
    }

    private string AddUserUnlocked(string name, string? email)
    {
        var user = new NotionUser { Id = NotionIds.NewId(), Name = name, Type = "person", Email = email };
        _users[user.Id] = user;
        IsDirty = true;
        return user.Id;
    }

    private string CreateRootPage(string title)
    {
        var page = new NotionPage
        {
            Id = NotionIds.NewId(),
            Sequence = NextSequence(),
            ParentPageId = NotionIds.NewId(),
            CreatedTime = Now,
            LastEditedTime = Now,
            CreatedBy = OwnerUserId,
            LastEditedBy = OwnerUserId,
        };
        page.Values["title"] = RichText.FromPlainText(title);
        _pages[page.Id] = page;
        return page.Id;
    }
}
