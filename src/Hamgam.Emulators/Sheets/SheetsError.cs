using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>An error answered in Google's envelope: <c>{"error":{"code","message","status"[,"details"]}}</c>.</summary>
internal sealed class SheetsError : Exception
{
    public SheetsError(int code, string status, string message, JsonArray? details = null)
        : base(message)
    {
        Code = code;
        Status = status;
        Details = details;
    }

    public int Code { get; }

    public string Status { get; }

    public JsonArray? Details { get; }

    public static SheetsError InvalidArgument(string message) => new(400, "INVALID_ARGUMENT", message);

    public static SheetsError UnableToParse(string range) => InvalidArgument($"Unable to parse range: {range}");

    public static SheetsError NotFound() => new(404, "NOT_FOUND", "Requested entity was not found.");

    public static SheetsError PermissionDenied() => new(403, "PERMISSION_DENIED", "The caller does not have permission");

    public static SheetsError Unauthenticated() => new(
        401,
        "UNAUTHENTICATED",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.");

    public static SheetsError Unregistered() => new(
        403,
        "PERMISSION_DENIED",
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");

    public static SheetsError GridLimits(string a1, SheetDoc sheet) => InvalidArgument(
        $"Range ({a1}) exceeds grid limits. Max rows: {sheet.RowCount}, max columns: {sheet.ColumnCount}");

    /// <summary>Google's answer to any cell over 50,000 characters (the whole request fails).</summary>
    public static SheetsError CellTooLong() => InvalidArgument(
        $"Your input contains more than the maximum of {MaxCellCharacters} characters in a single cell.");

    public const int MaxCellCharacters = 50_000;

    /// <summary>Throws <see cref="CellTooLong"/> for text over the cell limit.</summary>
    public static string CheckCellText(string text) => text.Length > MaxCellCharacters ? throw CellTooLong() : text;

    public static SheetsError CellLimit() => InvalidArgument(
        $"This action would increase the number of cells in the workbook above the limit of {SpreadsheetDoc.MaxCells} cells.");

    /// <summary>A 400 with a <c>google.rpc.BadRequest</c> detail, the form Google uses for malformed bodies and field masks.</summary>
    public static SheetsError BadRequest(string message, string field, string description) => new(
        400,
        "INVALID_ARGUMENT",
        message,
        [
            new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                ["fieldViolations"] = new JsonArray(new JsonObject { ["field"] = field, ["description"] = description }),
            },
        ]);

    public static SheetsError InvalidValue(string field, string type, string raw)
    {
        var text = $"Invalid value at '{field}' ({type}), {raw}";
        return BadRequest(text, field, text);
    }

    /// <summary>The same error with the batch prefix, e.g. <c>Invalid requests[2].updateCells: </c>.</summary>
    public SheetsError Prefixed(string prefix) => new(Code, Status, prefix + Message, Details);

    public JsonObject ToJson()
    {
        var error = new JsonObject { ["code"] = Code, ["message"] = Message, ["status"] = Status };
        if (Details is not null)
        {
            error["details"] = Details.DeepClone();
        }

        return new JsonObject { ["error"] = error };
    }
}
