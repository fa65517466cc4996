using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>Per-user, per-minute read and write quotas; a window opens with its first request and lasts a minute.</summary>
internal sealed class SheetsQuota(SheetsEmulatorOptions options)
{
    private readonly Dictionary<(string User, bool Write), (DateTimeOffset Start, int Count)> _windows = [];
    private readonly Lock _gate = new();

    public void Charge(string user, bool write)
    {
        if (!options.QuotaEnabled)
        {
            return;
        }

        var limit = write ? options.WritesPerMinute : options.ReadsPerMinute;
        var now = options.Clock.GetUtcNow();
        lock (_gate)
        {
            var window = _windows.GetValueOrDefault((user, write));
            if (window.Count == 0 || now - window.Start >= TimeSpan.FromMinutes(1))
            {
                window = (now, 0);
            }

            if (window.Count >= limit)
            {
                throw Exhausted(write, limit);
            }

            _windows[(user, write)] = (window.Start, window.Count + 1);
        }
    }

    /// <summary>The 429 body Google sends for a per-user quota (the recorded shape).</summary>
    public static SheetsError Exhausted(bool write, int limit)
    {
        var (metric, name, id) = write
            ? ("Write requests", "Write requests per minute per user", "WriteRequestsPerMinutePerUser")
            : ("Read requests", "Read requests per minute per user", "ReadRequestsPerMinutePerUser");
        var details = new JsonArray(
            new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                ["reason"] = "RATE_LIMIT_EXCEEDED",
                ["domain"] = "googleapis.com",
                ["metadata"] = new JsonObject
                {
                    ["quota_limit_value"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["service"] = "sheets.googleapis.com",
                    ["consumer"] = "projects/100000000001",
                    ["quota_unit"] = "1/min/{project}/{user}",
                    ["quota_location"] = "global",
                    ["quota_metric"] = write ? "sheets.googleapis.com/write_requests" : "sheets.googleapis.com/read_requests",
                    ["quota_limit"] = id,
                },
            },
            new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.Help",
                ["links"] = new JsonArray(new JsonObject
                {
                    ["description"] = "Request a higher quota limit.",
                    ["url"] = "https://cloud.google.com/docs/quotas/help/request_increase",
                }),
            });
        return new SheetsError(
            429,
            "RESOURCE_EXHAUSTED",
            $"Quota exceeded for quota metric '{metric}' and limit '{name}' of service 'sheets.googleapis.com' for consumer 'project_number:100000000001'.",
            details);
    }
}
