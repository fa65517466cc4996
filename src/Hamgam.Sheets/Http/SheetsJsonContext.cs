using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Sheets.Http;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Spreadsheet))]
[JsonSerializable(typeof(BatchUpdateSpreadsheetRequest))]
[JsonSerializable(typeof(SheetsRequest))]
[JsonSerializable(typeof(RowData))]
[JsonSerializable(typeof(BatchUpdateSpreadsheetResponse))]
[JsonSerializable(typeof(ValueRange))]
[JsonSerializable(typeof(ValuesBody))]
[JsonSerializable(typeof(UpdateValuesResponse))]
[JsonSerializable(typeof(BatchUpdateValuesRequest))]
[JsonSerializable(typeof(BatchUpdateValuesResponse))]
[JsonSerializable(typeof(BatchGetValuesResponse))]
[JsonSerializable(typeof(AppendValuesResponse))]
[JsonSerializable(typeof(ClearValuesResponse))]
[JsonSerializable(typeof(BatchClearValuesRequest))]
[JsonSerializable(typeof(BatchClearValuesResponse))]
[JsonSerializable(typeof(EmptyBody))]
internal sealed partial class SheetsJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The options on the wire: text goes as UTF-8, not as <c>\uXXXX</c> escapes (6 bytes a character), which would triple
    /// the size of Persian text and so the number of requests a large backup needs. Quotes, backslashes and control
    /// characters are still escaped, as JSON requires; the body is never embedded in HTML, so HTML escaping is not needed.
    /// </summary>
    public static SheetsJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
