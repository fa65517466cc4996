using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;Auth:ApiKey&gt;</c>; a wrong key counts against the client.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyVault vault, KeyAttempts attempts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!await vault.VerifyAsync(header["Bearer ".Length..], Context.RequestAborted))
        {
            attempts.RecordFailure(Context, "bearer");
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var state = await vault.CurrentAsync(Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, Sessions.OwnerMode), new Claim(Sessions.ModeClaim, Sessions.OwnerMode), new Claim(Sessions.StampClaim, state.SessionStamp)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
