using Hamgam.Core.Settings;
using Microsoft.JSInterop;

namespace Hamgam.Web.Features.Webhooks;

/// <summary>
/// The webhook's verification token in Settings, masked until revealed, for the user to paste into Notion's Verify
/// step; a token that arrives after verification waits here for the user to accept it.
/// </summary>
public sealed partial class WebhookPanel
{
    private WebhookTokenState? _state;
    private bool _revealed;

    protected override async Task OnInitializedAsync() => _state = await Tokens.GetAsync();

    private static string Mask(string token) => token.Length <= 10 ? new string('•', token.Length) : token[..7] + new string('•', 8) + token[^3..];

    private async Task CopyAsync(string token) => await Js.InvokeVoidAsync("navigator.clipboard.writeText", token);

    private async Task AcceptAsync()
    {
        await Tokens.AcceptPendingAsync();
        _state = await Tokens.GetAsync();
    }

    private async Task ForgetAsync()
    {
        await Tokens.ForgetAsync();
        _state = await Tokens.GetAsync();
        _revealed = false;
    }
}
