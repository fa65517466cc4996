namespace Hamgam.Emulators.Notion.Webhooks;

/// <summary>How the emulator delivers to one subscription: Notion's delivery quirks, switched on for tests.</summary>
public sealed class WebhookDeliveryOptions
{
    /// <summary>Wait this long (on the emulator's clock) before delivering an event.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Events of one type for one page within this window go out as one aggregated event (all authors, all properties).</summary>
    public TimeSpan AggregationWindow { get; set; }

    /// <summary>Extra deliveries of every event, with the same event id (at-least-once delivery).</summary>
    public int Duplicates { get; set; }

    /// <summary>Delivery attempts per event (Notion's <c>attempt_number</c> goes 1 to 8).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second attempt, doubled before each later one (on the emulator's clock).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Notion version the events are rendered for (<c>api_version</c>).</summary>
    public string ApiVersion { get; set; } = "2026-03-11";
}

/// <summary>A webhook subscription of the integration: where events go, and the token that signs them.</summary>
public sealed class WebhookSubscription
{
    internal WebhookSubscription(string id, Uri url, string verificationToken, WebhookDeliveryOptions options)
    {
        Id = id;
        Url = url;
        VerificationToken = verificationToken;
        Options = options;
    }

    public string Id { get; }

    public Uri Url { get; }

    /// <summary>Sent once, unsigned, when the subscription is created; signs every event once verified.</summary>
    public string VerificationToken { get; }

    public WebhookDeliveryOptions Options { get; }

    /// <summary>Set when the user pastes the token back (Notion's Verify step); no event goes out before.</summary>
    public bool Verified { get; internal set; }
}

/// <summary>One attempt to deliver an event (or the verification request, with a null event id).</summary>
public sealed record WebhookAttempt(string SubscriptionId, string? EventId, string? Type, int AttemptNumber, int Status, DateTimeOffset At);
