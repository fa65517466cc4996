namespace Hamgam.Emulators.Sheets;

/// <summary>Settings of a <see cref="SheetsEmulator"/>.</summary>
public sealed class SheetsEmulatorOptions
{
    /// <summary>The clock used for quotas, token expiry and injected latency; tests pass a FakeTimeProvider.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Whether the per-user per-minute read and write quotas are enforced.</summary>
    public bool QuotaEnabled { get; set; } = true;

    /// <summary>Read requests allowed per user per minute (Google's default is 60).</summary>
    public int ReadsPerMinute { get; set; } = 60;

    /// <summary>Write requests allowed per user per minute (Google's default is 60).</summary>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>A JSON file the contents are loaded from at start and saved to after every change; null keeps them in memory only.</summary>
    public string? PersistPath { get; set; }

    /// <summary>
    /// The largest request body accepted, in bytes; null (the default) for no limit. Google documents no hard limit for
    /// Sheets, only a recommended 2 MB per request (https://developers.google.com/sheets/api/limits), so tests set one to
    /// check that a client keeps under it. A larger body is answered 400 INVALID_ARGUMENT
    /// <c>Request payload size exceeds the limit: N bytes.</c> (the wording of Google's API front end; not recorded for Sheets).
    /// </summary>
    public long? MaxRequestBytes { get; set; }

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }
}
