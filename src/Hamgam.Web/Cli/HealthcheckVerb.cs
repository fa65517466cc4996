using System.CommandLine;

namespace Hamgam.Web.Cli;

/// <summary>
/// <c>hamgam healthcheck</c>: asks a running Hamgam's <c>/healthz</c> and exits 0 when it answers 200. For container
/// health checks: a chiseled image has no shell and no curl, so the executable checks itself.
/// </summary>
internal static class HealthcheckVerb
{
    public static Command Create()
    {
        var url = new Option<string>("--url")
        {
            Description = "The health endpoint to ask.",
            DefaultValueFactory = _ => "http://127.0.0.1:8080/healthz",
        };
        var command = HamgamCli.Verb("healthcheck", "Exit 0 when a running Hamgam's /healthz answers 200 within 5 seconds, 1 otherwise.");
        command.Options.Add(url);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
            using var http = services.GetRequiredService<IHttpClientFactory>().CreateClient();
            http.Timeout = TimeSpan.FromSeconds(5);
            try
            {
                using var response = await http.GetAsync(new Uri(parse.GetRequiredValue(url), UriKind.Absolute), cancellationToken);
                Console.WriteLine($"{(int)response.StatusCode} {response.StatusCode}");
                return response.IsSuccessStatusCode ? HamgamCli.Ok : HamgamCli.Failed;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
            {
                Console.WriteLine($"unhealthy: {ex.Message}");
                return HamgamCli.Failed;
            }
        });
        return command;
    }
}
