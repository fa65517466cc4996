using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Hamgam.Emulators.Sheets;

/// <summary>
/// Service-account keys, the OAuth token endpoint (JWT-bearer grant, RFC 7523) and bearer-token checks.
/// The JWT's signature is verified against the keys this emulator issued; its <c>aud</c> is not checked,
/// because Google.Apis.Auth always sends Google's own token URL there.
/// </summary>
internal sealed class SheetsAuth(TimeProvider clock)
{
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(3599);

    private readonly ConcurrentDictionary<string, (string Email, RSA Key)> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Email, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public string CreateKeyJson(string clientEmail, Uri tokenUri)
    {
        var rsa = RSA.Create(2048);
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        _keys[keyId] = (clientEmail, rsa);
        var key = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "hamgam-emulator",
            ["private_key_id"] = keyId,
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem() + "\n",
            ["client_email"] = clientEmail,
            ["client_id"] = "100000000000000000001",
            ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
            ["token_uri"] = tokenUri.ToString(),
            ["auth_provider_x509_cert_url"] = "https://www.googleapis.com/oauth2/v1/certs",
            ["client_x509_cert_url"] = "https://www.googleapis.com/robot/v1/metadata/x509/" + Uri.EscapeDataString(clientEmail),
            ["universe_domain"] = "googleapis.com",
        };
        return key.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public async Task HandleTokenAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (form?["grant_type"].ToString() != JwtBearer)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = "unsupported_grant_type", ["error_description"] = "Invalid grant_type: " + form?["grant_type"] });
            return;
        }

        if (Verify(form["assertion"].ToString()) is not { } email)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Invalid JWT Signature." });
            return;
        }

        var token = "ya29.emu-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = (email, clock.GetUtcNow() + TokenLifetime);
        await WriteAsync(context, 200, new JsonObject { ["access_token"] = token, ["expires_in"] = 3599, ["token_type"] = "Bearer" });
    }

    /// <summary>The caller's email, from an issued access token or a self-signed JWT; a Google-style error otherwise.</summary>
    public string Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw SheetsError.Unregistered();
        }

        var token = header["Bearer ".Length..].Trim();
        if (_tokens.TryGetValue(token, out var issued) && issued.Expires > clock.GetUtcNow())
        {
            return issued.Email;
        }

        return Verify(token) ?? throw SheetsError.Unauthenticated();
    }

    /// <summary>Checks an RS256 JWT signed by one of our keys and returns its issuer (the client email).</summary>
    private string? Verify(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url(parts[0]));
            using var payload = JsonDocument.Parse(Base64Url(parts[1]));
            var issuer = Json.String(payload.RootElement, "iss");
            var kid = Json.String(header.RootElement, "kid");
            var key = kid is not null && _keys.TryGetValue(kid, out var byKid)
                ? byKid
                : _keys.Values.FirstOrDefault(k => k.Email == issuer);
            if (key.Key is null || key.Email != issuer)
            {
                return null;
            }

            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            return key.Key.VerifyData(signed, Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) ? issuer : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
