namespace Hamgam.Notion;

/// <summary>Users (<c>/v1/users</c>).</summary>
public sealed class UsersClient
{
    private readonly NotionTransport _transport;

    internal UsersClient(NotionTransport transport) => _transport = transport;

    /// <summary>The integration's own bot user; a cheap way to test a token.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bot user.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed (401 for a bad token).</exception>
    public Task<NotionUser> MeAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Get, "v1/users/me", null, NotionJsonContext.Default.NotionUser, cancellationToken);

    /// <summary>Reads a user.</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    /// <exception cref="NotionApiException">Notion refused or failed.</exception>
    public Task<NotionUser> RetrieveAsync(string userId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Get, $"v1/users/{NotionPaths.Id(userId)}", null, NotionJsonContext.Default.NotionUser, cancellationToken);
}
