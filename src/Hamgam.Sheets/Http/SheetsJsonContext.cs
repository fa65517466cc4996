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
internal sealed partial class SheetsJsonContext : JsonSerializerContext;
