namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>The <c>Auth</c> section. With no key configured, one is generated at first start and shown once.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? ApiKey { get; set; }
}
