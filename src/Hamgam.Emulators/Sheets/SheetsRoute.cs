using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hamgam.Emulators.Sheets;

internal enum SheetsOperation
{
    Create,
    Get,
    BatchUpdate,
    ValuesGet,
    ValuesBatchGet,
    ValuesUpdate,
    ValuesBatchUpdate,
    ValuesAppend,
    ValuesClear,
    ValuesBatchClear,
}

/// <summary>
/// One API route, parsed from the raw request target so that an encoded range keeps its <c>/</c> and
/// <c>:</c>; a trailing <c>:append</c> or <c>:clear</c> is stripped explicitly.
/// </summary>
internal sealed record SheetsRoute(SheetsOperation Operation, string? SpreadsheetId, string? Range)
{
    private const string Prefix = "/v4/spreadsheets";

    public bool IsWrite => Operation is not (SheetsOperation.Get or SheetsOperation.ValuesGet or SheetsOperation.ValuesBatchGet);

    public bool HasBody => IsWrite;

    public static SheetsRoute Parse(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? string.Empty;
        var path = raw.Split('?')[0];
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw SheetsError.NotFound();
        }

        var rest = path[Prefix.Length..];
        var method = request.Method;
        if (rest.Length == 0 && HttpMethods.IsPost(method))
        {
            return new SheetsRoute(SheetsOperation.Create, null, null);
        }

        if (rest.Length < 2 || rest[0] != '/')
        {
            throw SheetsError.NotFound();
        }

        var slash = rest.IndexOf('/', 1);
        var idSegment = Uri.UnescapeDataString(slash < 0 ? rest[1..] : rest[1..slash]);
        var tail = slash < 0 ? string.Empty : rest[slash..];
        return tail.Length == 0 ? SpreadsheetRoute(method, idSegment) : ValuesRoute(method, idSegment, tail);
    }

    private static SheetsRoute SpreadsheetRoute(string method, string idSegment)
    {
        if (idSegment.EndsWith(":batchUpdate", StringComparison.Ordinal) && HttpMethods.IsPost(method))
        {
            return new SheetsRoute(SheetsOperation.BatchUpdate, idSegment[..^":batchUpdate".Length], null);
        }

        return HttpMethods.IsGet(method) && !idSegment.Contains(':', StringComparison.Ordinal)
            ? new SheetsRoute(SheetsOperation.Get, idSegment, null)
            : throw SheetsError.NotFound();
    }

    private static SheetsRoute ValuesRoute(string method, string id, string tail)
    {
        var post = HttpMethods.IsPost(method);
        switch (tail)
        {
            case "/values:batchGet" when HttpMethods.IsGet(method):
                return new SheetsRoute(SheetsOperation.ValuesBatchGet, id, null);
            case "/values:batchUpdate" when post:
                return new SheetsRoute(SheetsOperation.ValuesBatchUpdate, id, null);
            case "/values:batchClear" when post:
                return new SheetsRoute(SheetsOperation.ValuesBatchClear, id, null);
        }

        if (!tail.StartsWith("/values/", StringComparison.Ordinal))
        {
            throw SheetsError.NotFound();
        }

        var range = Uri.UnescapeDataString(tail["/values/".Length..]);
        if (post && range.EndsWith(":append", StringComparison.Ordinal))
        {
            return new SheetsRoute(SheetsOperation.ValuesAppend, id, range[..^":append".Length]);
        }

        if (post && range.EndsWith(":clear", StringComparison.Ordinal))
        {
            return new SheetsRoute(SheetsOperation.ValuesClear, id, range[..^":clear".Length]);
        }

        return method switch
        {
            "GET" => new SheetsRoute(SheetsOperation.ValuesGet, id, range),
            "PUT" => new SheetsRoute(SheetsOperation.ValuesUpdate, id, range),
            _ => throw SheetsError.NotFound(),
        };
    }

    public JsonObject Invoke(SheetsEmulatorState state, string principal, IQueryCollection query, JsonElement body)
    {
        var id = SpreadsheetId!;
        return Operation switch
        {
            SheetsOperation.Create => Create(state, body),
            SheetsOperation.Get => state.Read(id, principal, doc => Get(doc, query)),
            SheetsOperation.BatchUpdate => state.Write(id, principal, doc => BatchUpdateApi.Apply(doc, body)),
            SheetsOperation.ValuesGet => state.Read(id, principal, doc => ValuesApi.Get(doc, Range!, query)),
            SheetsOperation.ValuesBatchGet => state.Read(id, principal, doc => ValuesApi.BatchGet(doc, query)),
            SheetsOperation.ValuesUpdate => state.Write(id, principal, doc => ValuesApi.Update(doc, Range!, query, body)),
            SheetsOperation.ValuesBatchUpdate => state.Write(id, principal, doc => ValuesApi.BatchUpdate(doc, body)),
            SheetsOperation.ValuesAppend => state.Write(id, principal, doc => ValuesApi.Append(doc, Range!, query, body)),
            SheetsOperation.ValuesClear => state.Write(id, principal, doc => ValuesApi.Clear(doc, Range!)),
            SheetsOperation.ValuesBatchClear => state.Write(id, principal, doc => ValuesApi.BatchClear(doc, body)),
            _ => throw SheetsError.NotFound(),
        };
    }

    private static JsonObject Create(SheetsEmulatorState state, JsonElement body)
    {
        var title = Json.Get(body, "properties") is { } properties ? Json.String(properties, "title") : null;
        var doc = state.Create(title ?? "Untitled spreadsheet");
        return state.Read(doc.Id, null, d => SpreadsheetJson.Render(d, null, false));
    }

    private static JsonObject Get(SpreadsheetDoc doc, IQueryCollection query)
    {
        var ranges = query["ranges"].Select(r => Ranges.ResolveBox(doc, r!)).ToList();
        var includeGridData = string.Equals(query["includeGridData"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        return SpreadsheetJson.Render(doc, ranges.Count > 0 ? ranges : null, includeGridData);
    }
}
