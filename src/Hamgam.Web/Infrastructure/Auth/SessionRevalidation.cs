using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>
/// Open Blazor circuits outlive the request that started them, so their session is checked again: every minute in
/// the background, and before every event the browser sends (a stale session ends the circuit before it can act).
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await Sessions.IsCurrentAsync(authenticationState.User, scope.ServiceProvider, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The app is shutting down under a circuit kept for reconnection: the circuit ends with it.
            return false;
        }
    }
}

/// <summary>Refuses every inbound circuit activity once the circuit's session is no longer current.</summary>
internal sealed class SessionCircuitGate(AuthenticationStateProvider authentication, IServiceProvider services) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            if (!await Sessions.IsCurrentAsync(state.User, services, CancellationToken.None))
            {
                throw new UnauthorizedAccessException("The session has ended (the key changed, every session was ended, or the demo is off).");
            }

            await next(context);
        };
}
