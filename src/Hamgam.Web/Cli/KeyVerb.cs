using System.CommandLine;
using Hamgam.Web.Infrastructure.Auth;

namespace Hamgam.Web.Cli;

/// <summary>
/// <c>hamgam key</c>: a new generated API key, written to a file only its owner can read (never printed), and every
/// dashboard session ended, here and in a running Hamgam (it re-reads the key state within seconds). With
/// <c>Auth__ApiKey</c> set the key is configuration's, so only the sessions end.
/// </summary>
internal static class KeyVerb
{
    public static Command Create()
    {
        var command = HamgamCli.Verb("key", "Rotate the API key (written to a 0600 file in the data folder) and end every dashboard session.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await HamgamCli.StartHostAsync(parse, cancellationToken);
            var vault = host.Services.GetRequiredService<ApiKeyVault>();
            if (vault.IsConfigured)
            {
                await vault.EndSessionsAsync(cancellationToken);
                Console.WriteLine("The key comes from Auth__ApiKey, so change it there (and restart). Every dashboard session has ended.");
                return HamgamCli.Ok;
            }

            await vault.RotateAsync(cancellationToken);
            Console.WriteLine("A new API key was written (readable by you only) to:");
            Console.WriteLine($"  {vault.KeyFile}");
            Console.WriteLine("The old key no longer works, and every dashboard session has ended (a running Hamgam notices within seconds).");
            return HamgamCli.Ok;
        });
        return command;
    }
}
