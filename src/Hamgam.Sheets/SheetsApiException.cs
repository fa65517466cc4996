namespace Hamgam.Sheets;

/// <summary>A field named in a <c>google.rpc.BadRequest</c> error detail.</summary>
/// <param name="Field">The request field, e.g. <c>data.values</c>.</param>
/// <param name="Description">Google's description of what is wrong with it.</param>
public sealed record SheetsFieldViolation(string Field, string Description);

/// <summary>An error answer from the Sheets API (or something in front of it), after retries were exhausted or not allowed.</summary>
public sealed class SheetsApiException : Exception
{
    /// <summary>Creates the exception; <see cref="SheetsErrorMapper"/> is the usual source.</summary>
    public SheetsApiException(
        int status,
        string? googleStatus,
        string message,
        TimeSpan? retryAfter = null,
        string? reason = null,
        string? quotaLimit = null,
        IReadOnlyList<SheetsFieldViolation>? fieldViolations = null)
        : base(message)
    {
        Status = status;
        GoogleStatus = googleStatus;
        RetryAfter = retryAfter;
        Reason = reason;
        QuotaLimit = quotaLimit;
        FieldViolations = fieldViolations ?? [];
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    /// <summary>Google's canonical status, e.g. <c>INVALID_ARGUMENT</c>, <c>PERMISSION_DENIED</c>, <c>RESOURCE_EXHAUSTED</c>; null when the body was not Google's JSON envelope.</summary>
    public string? GoogleStatus { get; }

    /// <summary>The <c>Retry-After</c> header, when sent (Google rarely sends it).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The <c>google.rpc.ErrorInfo</c> reason, e.g. <c>RATE_LIMIT_EXCEEDED</c> or <c>SERVICE_DISABLED</c>.</summary>
    public string? Reason { get; }

    /// <summary>The quota that was exceeded, e.g. <c>WriteRequestsPerMinutePerUser</c>.</summary>
    public string? QuotaLimit { get; }

    /// <summary>Fields Google named as invalid.</summary>
    public IReadOnlyList<SheetsFieldViolation> FieldViolations { get; }

    /// <summary>True for a 429: a quota was exhausted.</summary>
    public bool IsQuotaExceeded => Status == 429;

    /// <summary>Creates an exception with a message only (status 0).</summary>
    public SheetsApiException()
        : this(0, null, "Sheets API error")
    {
    }

    /// <summary>Creates an exception with a message only (status 0).</summary>
    public SheetsApiException(string message)
        : this(0, null, message)
    {
    }

    /// <summary>Creates an exception with a message and cause (status 0).</summary>
    public SheetsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        FieldViolations = [];
    }
}
