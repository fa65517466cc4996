using System.Net;
using System.Text.RegularExpressions;
using Hamgam.IntegrationTests.Infrastructure;

namespace Hamgam.IntegrationTests.Security;

/// <summary>What a browser does against the in-memory app: keeps cookies, signs in through the form, reads page tokens.</summary>
internal static partial class Browserish
{
    public const string TokenHeader = "RequestVerificationToken";

    public static HttpClient Client(HamgamAppFactory app, string? host = null)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri($"http://{host ?? "localhost"}") });
        return client;
    }

    /// <summary>Signs in with the key (or through the demo button) and answers the sign-in POST's response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string? key = HamgamAppFactory.ApiKey, string? returnUrl = null)
    {
        var (name, value) = await FormTokenAsync(client, "/signin");
        var fields = new Dictionary<string, string> { [name] = value };
        if (key is not null)
        {
            fields["apiKey"] = key;
        }

        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(key is null ? "/signin/demo" : "/signin", form);
    }

    /// <summary>The antiforgery field of the first form on a page (for a signed-in user: the sign-out form of the layout).</summary>
    public static async Task<(string Name, string Value)> FormTokenAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();
        var match = TokenField().Match(page);
        Assert.True(match.Success, $"No antiforgery field on {path} ({(int)response.StatusCode}).");
        return (match.Groups["n"].Value, WebUtility.HtmlDecode(match.Groups["v"].Value));
    }

    [GeneratedRegex("name=\"(?<n>__RequestVerificationToken)\" value=\"(?<v>[^\"]+)\"")]
    private static partial Regex TokenField();
}
