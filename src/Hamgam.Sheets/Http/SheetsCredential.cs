using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Options;

namespace Hamgam.Sheets.Http;

/// <summary>The service-account credential from the configured key (Google.Apis.Auth), created on first use.</summary>
internal sealed class SheetsCredential(IOptions<SheetsClientOptions> options)
{
    private readonly Lazy<ServiceAccountCredential> _credential = new(() => Create(options.Value));

    public Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
        ((ITokenAccess)_credential.Value).GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);

    /// <summary>Fetches a new token after the API refused the cached one.</summary>
    public async Task<string> RefreshTokenAsync(CancellationToken cancellationToken)
    {
        await _credential.Value.RequestAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        return _credential.Value.Token.AccessToken;
    }

    private static ServiceAccountCredential Create(SheetsClientOptions options)
    {
        var json = options.CredentialsJson
            ?? (options.CredentialsFile is { } file ? File.ReadAllText(file) : null)
            ?? throw new InvalidOperationException("Sheets credentials are not configured: set Sheets:CredentialsJson or Sheets:CredentialsFile.");
        var credential = CredentialFactory.FromJson<ServiceAccountCredential>(json);

        // Explicit scopes keep Google.Apis.Auth on the token-endpoint path (token_uri from the key file).
        return (ServiceAccountCredential)credential.ToGoogleCredential().CreateScoped(options.Scopes).UnderlyingCredential;
    }
}
