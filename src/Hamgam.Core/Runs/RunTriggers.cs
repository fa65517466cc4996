namespace Hamgam.Core.Runs;

/// <summary>What started a run, as the sync log shows it.</summary>
public static class RunTriggers
{
    public const string Manual = "manual";
    public const string Scheduled = "scheduled";
    public const string Cli = "cli";

    /// <summary>A push woken by a local save (push on save).</summary>
    public const string Save = "save";

    /// <summary>A pull of the live poll, while Hamgam is in use.</summary>
    public const string Live = "live";

    /// <summary>A pull of one page a Notion webhook named.</summary>
    public const string Webhook = "webhook";

    /// <summary>Frequent triggers whose runs are logged only when they changed something, failed, or hit record errors.</summary>
    public static bool IsQuiet(string trigger) => trigger is Save or Live or Webhook;
}
