using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hamgam.Core.Data;
using Hamgam.Core.Settings;
using Hamgam.Core.Sync.Pull;
using Hamgam.Emulators.Notion;
using Hamgam.IntegrationTests.Infrastructure;
using Hamgam.Testing;
using Hamgam.Web.Features.Sync;
using Hamgam.Web.Features.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Hamgam.IntegrationTests.Features.Webhooks;

/// <summary>The app on a fresh database, synced once with a fresh Notion emulator holding the four databases.</summary>
internal sealed class WebhookRig : IAsyncDisposable
{
    public const string Token = "secret_w3bh00k_verification_token_for_tests";

    private WebhookRig(TestDatabase db, NotionEmulator notion, HamgamNotionDatabases databases, HamgamAppFactory app)
    {
        Db = db;
        Notion = notion;
        Databases = databases;
        App = app;
        Client = app.CreateClient();
    }

    public TestDatabase Db { get; }

    public NotionEmulator Notion { get; }

    public HamgamNotionDatabases Databases { get; }

    public HamgamAppFactory App { get; }

    /// <summary>A client without the API key, as Notion is.</summary>
    public HttpClient Client { get; }

    public WebhookInbox Inbox => App.Services.GetRequiredService<WebhookInbox>();

    public WebhookTokens Tokens => App.Services.GetRequiredService<WebhookTokens>();

    public static async Task<WebhookRig> StartAsync(DatabaseProvider provider, bool pull = true)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var notion = await NotionEmulator.StartAsync(new NotionEmulatorOptions { RateLimitEnabled = false });
        var databases = HamgamSampleSchemas.CreateDatabases(notion.Workspace);
        var app = new HamgamAppFactory();
        app.Settings["Database:Provider"] = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        app.Settings["ConnectionStrings:Hamgam"] = db.ConnectionString;
        app.Settings["Notion:Token"] = notion.Options.Token;
        app.Settings["Notion:BaseUrl"] = notion.BaseUrl.ToString();
        app.Settings["Notion:Databases:Tasks"] = databases.Tasks.DatabaseId;
        app.Settings["Notion:Databases:Projects"] = databases.Projects.DataSourceId;
        app.Settings["Notion:Databases:Habits"] = databases.Habits.DatabaseId;
        app.Settings["Notion:Databases:DailyLogs"] = databases.DailyLogs.DataSourceId;
        var rig = new WebhookRig(db, notion, databases, app);
        if (pull)
        {
            await app.Services.GetRequiredService<SyncRunner>().SyncAsync(new PullRequest(Trigger: "test"), CancellationToken.None);
        }

        return rig;
    }

    public string AddTask(string name) =>
        Notion.Workspace.CreatePage(Databases.Tasks.DataSourceId, new JsonObject { ["Name"] = NotionSyncHarness.Title(name) })["id"]!.GetValue<string>();

    public void RenameTask(string id, string name) =>
        Notion.Workspace.UpdatePage(id, new JsonObject { ["properties"] = new JsonObject { ["Name"] = NotionSyncHarness.Title(name) } });

    /// <summary>An event shaped like Notion's, for a page of <paramref name="dataSourceId"/>.</summary>
    public static JsonObject Event(string type, string pageId, string dataSourceId, string? id = null, string timestamp = "2026-11-24T08:30:00.000Z") => new()
    {
        ["id"] = id ?? Guid.NewGuid().ToString(),
        ["timestamp"] = timestamp,
        ["workspace_id"] = Guid.NewGuid().ToString(),
        ["workspace_name"] = "Hamgam Workspace",
        ["subscription_id"] = Guid.NewGuid().ToString(),
        ["integration_id"] = Guid.NewGuid().ToString(),
        ["authors"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["type"] = "person" }),
        ["attempt_number"] = 1,
        ["api_version"] = "2026-03-11",
        ["entity"] = new JsonObject { ["id"] = pageId, ["type"] = "page" },
        ["type"] = type,
        ["data"] = new JsonObject
        {
            ["parent"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["type"] = "database", ["data_source_id"] = dataSourceId },
            ["updated_properties"] = new JsonArray("title"),
        },
    };

    public Task<HttpResponseMessage> VerifyAsync(string token = Token) =>
        PostRawAsync(Encoding.UTF8.GetBytes(new JsonObject { ["verification_token"] = token }.ToJsonString()), null);

    /// <summary>Posts an event signed with <paramref name="key"/> (the stored token by default).</summary>
    public Task<HttpResponseMessage> SendAsync(JsonObject body, string key = Token)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        return PostRawAsync(bytes, WebhookSignature.Sign(bytes, key));
    }

    public async Task<HttpResponseMessage> PostRawAsync(byte[] body, string? signature)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, NotionWebhooksApi.Route) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Waits until the worker has finished <paramref name="count"/> items in all.</summary>
    public async Task WaitForWorkAsync(long count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Inbox.Done < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async Task WaitUntilIdleAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!Inbox.Idle)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Notion.DisposeAsync();
        await Db.DisposeAsync();
    }
}
