using System.ComponentModel.DataAnnotations;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>The <c>Auth</c> section. With no key configured, one is generated at first start and written to a file.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>Shorter keys can be guessed offline from a stolen cookie or by patient online guessing.</summary>
    public const int MinimumKeyLength = 32;

    public string? ApiKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ApiKey) && ApiKey.Trim().Length < MinimumKeyLength)
        {
            yield return new ValidationResult(
                $"Auth:ApiKey (Auth__ApiKey) has {ApiKey.Trim().Length} characters; it needs at least {MinimumKeyLength}, because it is the " +
                "only thing between the network and your data. Leave it unset and Hamgam generates a strong one (see README, Security).",
                [nameof(ApiKey)]);
        }
    }
}
