using System.ComponentModel.DataAnnotations;
using Hamgam.Core.Time;

namespace Hamgam.Core.Sync;

/// <summary>The <c>Sync</c> section: the user's time zone (their days) and the schedules as cron expressions.</summary>
public sealed class SyncOptions : IValidatableObject
{
    public const string Section = "Sync";

    /// <summary>An IANA zone; days for recurring tasks, streaks and daily logs are this zone's days.</summary>
    public string TimeZone { get; set; } = UserClock.DefaultZoneId;

    /// <summary>Pull, then push what is still pending.</summary>
    public string PullCron { get; set; } = "*/5 * * * *";

    public string BackupCron { get; set; } = "0 * * * *";

    public string RecurringCron { get; set; } = "0 0 * * *";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UserClock.TryResolveZone(TimeZone, out _))
        {
            yield return new ValidationResult($"Sync:TimeZone '{TimeZone}' is not a known time zone (try Asia/Tehran).", [nameof(TimeZone)]);
        }
    }
}
