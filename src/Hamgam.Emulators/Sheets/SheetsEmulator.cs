using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hamgam.Emulators.Sheets;

/// <summary>
/// A Google Sheets API v4 emulator served by Kestrel on 127.0.0.1, with an OAuth token endpoint for
/// service-account keys it issues, per-user quotas, fault injection and an HTML view of its contents at <c>/_emulator</c>.
/// </summary>
public sealed class SheetsEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SheetsEmulatorOptions _options;
    private readonly SheetsAuth _auth;
    private readonly SheetsQuota _quota;
    private long _requestCount;

    private SheetsEmulator(WebApplication app, SheetsEmulatorOptions options)
    {
        _app = app;
        _options = options;
        _auth = new SheetsAuth(options.Clock);
        _quota = new SheetsQuota(options);
        Spreadsheets = new SheetsEmulatorState(options.PersistPath);
    }

    /// <summary>The root URL (<c>rootUrl</c> for googleapis, BaseUrl for the Hamgam client); the API is under <c>v4/spreadsheets</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The OAuth token endpoint that accepts JWT-bearer grants signed with keys from <see cref="CreateServiceAccountKeyJson"/>.</summary>
    public Uri TokenUri => new(BaseUrl, "token");

    /// <summary>Inspection and setup of the contents, bypassing HTTP, auth and quotas.</summary>
    public SheetsEmulatorState Spreadsheets { get; }

    /// <summary>Fault injection for API requests.</summary>
    public SheetsFaults Faults { get; } = new();

    /// <summary>
    /// Test hook: called once a request has been answered with success and its changes applied, before the response is
    /// written, so a test can stop its client at exactly the k-th request (the change made, the answer never received).
    /// </summary>
    public Action<EmulatorRequest>? RequestServed { get; set; }

    /// <summary>API requests received (not counting the token endpoint or the contents view).</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>Starts an emulator on 127.0.0.1 (port <see cref="SheetsEmulatorOptions.Port"/>, 0 for any).</summary>
    public static async Task<SheetsEmulator> StartAsync(SheetsEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        var emulator = new SheetsEmulator(app, options);
        app.Run(emulator.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return emulator;
    }

    /// <summary>A new service-account key file (JSON) with a real RSA key whose <c>token_uri</c> is <see cref="TokenUri"/>.</summary>
    public string CreateServiceAccountKeyJson(string clientEmail = "hamgam@emulator.iam.gserviceaccount.com") =>
        _auth.CreateKeyJson(clientEmail, TokenUri);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/token" && HttpMethods.IsPost(context.Request.Method))
        {
            await _auth.HandleTokenAsync(context);
            return;
        }

        if (path.StartsWith("/_emulator", StringComparison.Ordinal))
        {
            await SheetsContentsView.WriteAsync(context, Spreadsheets);
            return;
        }

        var count = Interlocked.Increment(ref _requestCount);
        await HandleApiAsync(context, count);
    }

    private async Task HandleApiAsync(HttpContext context, long count)
    {
        SheetsRoute? route = null;
        try
        {
            route = SheetsRoute.Parse(context.Request);
            if (_options.Clock is var clock && Faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(Faults.Latency, clock, context.RequestAborted);
            }

            var (fault, status) = Faults.Next();
            if (fault == FaultKind.Drop)
            {
                context.Abort();
                return;
            }

            if (fault == FaultKind.Fail)
            {
                await WriteFaultAsync(context, status, route.IsWrite);
                return;
            }

            var principal = _auth.Authenticate(context.Request);
            _quota.Charge(principal, route.IsWrite);
            using var body = await ReadBodyAsync(context.Request, route, _options.MaxRequestBytes);
            var result = route.Invoke(Spreadsheets, principal, context.Request.Query, body?.RootElement ?? default);
            RequestServed?.Invoke(new EmulatorRequest(count, context.Request.Method, context.Request.Path.Value ?? ""));
            await WriteJsonAsync(context, 200, Mask(result, context.Request.Query, route));
        }
        catch (SheetsError error)
        {
            await WriteJsonAsync(context, error.Code, error.ToJson());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            var error = SheetsError.InvalidArgument("Invalid JSON payload received. " + e.Message);
            await WriteJsonAsync(context, 400, error.ToJson());
        }
    }

    private static JsonNode Mask(JsonObject result, IQueryCollection query, SheetsRoute route)
    {
        if (query["fields"].FirstOrDefault() is not { Length: > 0 } fields)
        {
            return result;
        }

        var mask = FieldMask.Parse(fields);
        if (route.Operation == SheetsOperation.Get && mask.FindUnknownPath(SpreadsheetJson.Schema) is { } unknown)
        {
            throw SheetsError.BadRequest(
                "Request contains an invalid argument.",
                unknown,
                $"Error expanding 'fields' parameter. Cannot find matching fields for path '{unknown}'.");
        }

        return mask.Apply(result) ?? new JsonObject();
    }

    private static async Task<JsonDocument?> ReadBodyAsync(HttpRequest request, SheetsRoute route, long? maxBytes)
    {
        if (!route.HasBody || request.ContentLength == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length > maxBytes)
        {
            throw SheetsError.InvalidArgument($"Request payload size exceeds the limit: {maxBytes} bytes.");
        }

        return buffer.Length == 0 ? null : JsonDocument.Parse(buffer.ToArray());
    }

    private static async Task WriteFaultAsync(HttpContext context, int status, bool write)
    {
        if (status == 502)
        {
            // Google's front end answers 502 with an HTML page, not the JSON envelope.
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html; charset=UTF-8";
            await context.Response.WriteAsync("<!DOCTYPE html><html lang=en><title>Error 502 (Server Error)!!1</title><p><b>502.</b> That’s an error.", context.RequestAborted);
            return;
        }

        var error = SheetsFaults.ErrorFor(status, write);
        await WriteJsonAsync(context, error.Code, error.ToJson());
    }

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { Indented = true, Encoder = Output.Encoder });
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
