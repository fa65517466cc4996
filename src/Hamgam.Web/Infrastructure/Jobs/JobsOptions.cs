namespace Hamgam.Web.Infrastructure.Jobs;

/// <summary>The <c>Jobs</c> section: how the job engine (Hangfire) polls and how long a dead process's locks last.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How often the engine looks for due schedules and queued jobs (schedule and queue polling).</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Workers in this process; each job kind runs at most once at a time anyway.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// A lock older than this is taken to belong to a dead process and is broken (PostgreSQL storage; on SQLite the
    /// lock's lifetime). Longer than any run; short enough that a killed process does not block the others for long.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "sync now" waits for the queued job before answering 202.</summary>
    public TimeSpan ManualWait { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How long the server waits for running jobs when the app stops.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
