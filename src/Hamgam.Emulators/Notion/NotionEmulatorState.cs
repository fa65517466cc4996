using Hamgam.Emulators.Notion.Http;

namespace Hamgam.Emulators.Notion;

/// <summary>Everything one emulator instance holds: options, workspace, faults, rate limiter and counters.</summary>
public sealed class NotionEmulatorState
{
    private long _requestCount;

    public NotionEmulatorState(NotionEmulatorOptions options)
    {
        Options = options;
        Workspace = new NotionWorkspace(options);
        Faults = new NotionFaults();
        RateLimiter = new NotionRateLimiter(options);
        Router = new NotionApiRouter(this);
        if (options.PersistPath is { } path && File.Exists(path))
        {
            WorkspacePersistence.Load(Workspace, path);
        }
    }

    public NotionEmulatorOptions Options { get; }

    public NotionWorkspace Workspace { get; }

    public NotionFaults Faults { get; }

    /// <summary>API requests answered by a handler (not counting inspection, 401s, 429s or injected faults).</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>
    /// Test hook: called once a counted request has been answered and its changes applied, before the response is
    /// written, so a test can stop its client at exactly the k-th request (the change made, the answer never received).
    /// </summary>
    public Action<EmulatorRequest>? RequestServed { get; set; }

    internal NotionRateLimiter RateLimiter { get; }

    internal NotionApiRouter Router { get; }

    internal long CountRequest() => Interlocked.Increment(ref _requestCount);

    /// <summary>Writes the workspace to <see cref="NotionEmulatorOptions.PersistPath"/> if it changed.</summary>
    public void SaveIfDirty()
    {
        if (Options.PersistPath is { } path)
        {
            WorkspacePersistence.SaveIfDirty(Workspace, path);
        }
    }
}
