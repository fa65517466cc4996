using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hamgam.Emulators.Notion;

/// <summary>A Notion API emulator on its own Kestrel server, bound to 127.0.0.1 only.</summary>
public sealed class NotionEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotionEmulator(WebApplication app, NotionEmulatorState state, Uri baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>; the API is at <c>BaseUrl + "v1/..."</c>.</summary>
    public Uri BaseUrl { get; }

    public NotionEmulatorState State { get; }

    public NotionWorkspace Workspace => State.Workspace;

    public NotionFaults Faults => State.Faults;

    public long RequestCount => State.RequestCount;

    public NotionEmulatorOptions Options => State.Options;

    public static async Task<NotionEmulator> StartAsync(NotionEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var state = new NotionEmulatorState(options);
        NotionEmulatorEndpoints.Map(app, state);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NotionEmulator(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await State.Workspace.Webhooks.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (State.Options.PersistPath is { } path)
        {
            WorkspacePersistence.Save(State.Workspace, path);
        }
    }
}
