using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Notion;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(NotionPage))]
[JsonSerializable(typeof(NotionDataSource))]
[JsonSerializable(typeof(NotionDatabase))]
[JsonSerializable(typeof(NotionUser))]
[JsonSerializable(typeof(QueryResponse))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(NotionErrorBody))]
[JsonSerializable(typeof(RichText))]
[JsonSerializable(typeof(IReadOnlyList<RichText>))]
[JsonSerializable(typeof(IReadOnlyList<SelectOption>))]
[JsonSerializable(typeof(IReadOnlyList<StatusGroup>))]
[JsonSerializable(typeof(IReadOnlyList<NotionUser>))]
[JsonSerializable(typeof(IReadOnlyList<NotionFile>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class NotionJsonContext : JsonSerializerContext;

/// <summary>A page of data source query results as sent on the wire.</summary>
internal sealed record QueryResponse
{
    public List<NotionPage> Results { get; init; } = [];
    public string? NextCursor { get; init; }
    public bool HasMore { get; init; }
    public RequestStatus? RequestStatus { get; init; }
    public string? RequestId { get; init; }
}

/// <summary>A page of search results as sent on the wire: pages and data sources mixed, read one by one.</summary>
internal sealed record SearchResponse
{
    public List<JsonElement> Results { get; init; } = [];
    public string? NextCursor { get; init; }
    public bool HasMore { get; init; }
    public string? RequestId { get; init; }
}

internal sealed record RequestStatus
{
    public string? Type { get; init; }
    public string? IncompleteReason { get; init; }
}

internal sealed record NotionErrorBody
{
    public string? Object { get; init; }
    public int Status { get; init; }
    public string? Code { get; init; }
    public string? Message { get; init; }
    public string? RequestId { get; init; }
    public JsonElement? AdditionalData { get; init; }
}
