namespace Hamgam.Emulators.Notion;

/// <summary>A Notion error answer: thrown by the workspace and rendered as <c>{object:"error", ...}</c>.</summary>
public sealed class NotionApiException : Exception
{
    public NotionApiException()
        : this(500, "internal_server_error", "Unexpected error occurred.")
    {
    }

    public NotionApiException(string message)
        : this(400, "validation_error", message)
    {
    }

    public NotionApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Code = "internal_server_error";
    }

    public NotionApiException(int status, string code, string message, IReadOnlyDictionary<string, string>? additionalData = null)
        : base(message)
    {
        Status = status;
        Code = code;
        AdditionalData = additionalData;
    }

    public int Status { get; }

    public string Code { get; }

    public IReadOnlyDictionary<string, string>? AdditionalData { get; }

    public static NotionApiException Validation(string message) => new(400, "validation_error", message);

    public static NotionApiException Body(string path, string expectation, string? actualJson) =>
        Validation($"body failed validation: {path} should be {expectation}, instead was `{actualJson ?? "undefined"}`.");

    public static NotionApiException InvalidRequestUrl() => new(400, "invalid_request_url", "Invalid request URL.");

    public static NotionApiException InvalidJson() => new(400, "invalid_json", "Error parsing JSON body.");
}
