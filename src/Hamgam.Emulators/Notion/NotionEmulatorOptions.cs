namespace Hamgam.Emulators.Notion;

/// <summary>Settings of one Notion emulator instance.</summary>
public sealed class NotionEmulatorOptions
{
    /// <summary>The bearer token the emulator accepts. More can be added to <see cref="AdditionalTokens"/>.</summary>
    public string Token { get; set; } = "secret_hamgam_emulator";

    /// <summary>Further accepted bearer tokens; each gets its own rate-limit bucket.</summary>
    public IList<string> AdditionalTokens { get; } = [];

    /// <summary>Whether the per-token rate limiter answers 429 when the budget is spent.</summary>
    public bool RateLimitEnabled { get; set; } = true;

    /// <summary>Average requests per second allowed per token (Notion documents 3).</summary>
    public double RequestsPerSecond { get; set; } = 3;

    /// <summary>How many requests a rested token may send at once.</summary>
    public int Burst { get; set; } = 10;

    /// <summary>Drives created/last-edited times and the rate limiter.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Optional JSON file the workspace is loaded from at start and saved to on change.</summary>
    public string? PersistPath { get; set; }

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Most results one query (one filter and sort) can page through.</summary>
    public int QueryResultCap { get; set; } = 10_000;

    /// <summary>
    /// How long search lags behind edits (Notion's search index is not immediate): a change shows in
    /// <c>POST /v1/search</c> only this long after it was made, on <see cref="Clock"/>. Zero: at once.
    /// </summary>
    public TimeSpan SearchIndexingDelay { get; set; }

    /// <summary>Flags request_status.incomplete on the first page of a capped query rather than the last (Notion may flag any page).</summary>
    public bool IncompleteOnFirstPage { get; set; }

    /// <summary>The largest request body accepted: Notion's 500 KB, read strictly as 500,000 bytes.</summary>
    public int MaxRequestBodyBytes { get; set; } = 500_000;

    /// <summary>The integration's name, used in 404 messages and for the bot user.</summary>
    public string IntegrationName { get; set; } = "Hamgam";

    /// <summary>The header the inspection routes (<c>/_emulator/notion/...</c>) need, carrying <see cref="InspectionSecret"/>.</summary>
    public const string InspectionSecretHeader = "X-Emulator-Secret";

    /// <summary>
    /// The inspection routes change the workspace without a token, so they need this secret (a new random one per run
    /// unless set), a loopback Host and JSON bodies: a web page in the browser can send none of those to them.
    /// </summary>
    public string InspectionSecret { get; set; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>The name of the emulated workspace.</summary>
    public string WorkspaceName { get; set; } = "Hamgam Workspace";

    /// <summary>
    /// Sends webhook deliveries; null uses real sockets. Tests set it to deliver into an in-process server. Read at the
    /// first delivery.
    /// </summary>
    public HttpMessageHandler? WebhookHandler { get; set; }

    internal bool IsAccepted(string token) =>
        string.Equals(token, Token, StringComparison.Ordinal) || AdditionalTokens.Contains(token);
}
