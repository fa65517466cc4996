using System.CommandLine;
using Hamgam.Core.Data;
using Hamgam.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Cli;

/// <summary>The verbs of the <c>hamgam</c> executable besides serving the dashboard.</summary>
public static class HamgamCli
{
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase) { "migrate" };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Hamgam (همگام): a Persian-first dashboard in two-way sync with Notion.");
        root.Subcommands.Add(MigrateCommand());
        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException or DbUpdateException)
        {
            await Console.Error.WriteLineAsync($"hamgam: {ex.Message}");
            return 1;
        }
    }

    private static Command MigrateCommand()
    {
        var command = new Command("migrate", "Apply pending database migrations (SQLite or PostgreSQL) and exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BuildHost([.. parse.UnmatchedTokens]);
            var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var factory = host.Services.GetRequiredService<IDbContextFactory<HamgamDb>>();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await HamgamDbSetup.MigrateAsync(db, cancellationToken);
            Console.WriteLine(pending.Count == 0
                ? $"The {options.ProviderKind} database is up to date."
                : $"Applied {pending.Count} migration(s) to the {options.ProviderKind} database: {string.Join(", ", pending)}.");
            return 0;
        });
        return command;
    }

    private static IHost BuildHost(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddHamgamConfiguration();
        builder.Services.AddHamgamCore();
        builder.Services.AddHamgamDatabase();
        return builder.Build();
    }
}
