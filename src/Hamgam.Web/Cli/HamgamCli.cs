using System.CommandLine;
using Hamgam.Core.Data;
using Hamgam.Notion;
using Hamgam.Sheets;
using Hamgam.Web.Infrastructure;
using Hamgam.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Cli;

/// <summary>
/// The verbs of the <c>hamgam</c> executable besides serving the dashboard. Configuration is the web app's
/// (appsettings, environment, the seed's names) plus <c>--Section:Key=value</c> tokens after the verb.
/// Exit codes: 0 done, 1 failed, 2 done with per-record problems (or a halt that needs the user), 3 not configured.
/// </summary>
public static class HamgamCli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Partial = 2;
    public const int NotConfigured = 3;

    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "migrate", "sync", "backup", "restore", "status", "emulate", "init-notion", "key", "db", "healthcheck", "--version",
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        if (args is ["--version"])
        {
            Console.WriteLine($"hamgam {HamgamVersion.Current}");
            return Ok;
        }

        var root = new RootCommand("Hamgam (همگام): a Persian-first dashboard in two-way sync with Notion.");
        root.Subcommands.Add(MigrateCommand());
        root.Subcommands.Add(SyncVerb.Create());
        root.Subcommands.Add(BackupVerb.Create());
        root.Subcommands.Add(RestoreVerb.Create());
        root.Subcommands.Add(StatusVerb.Create());
        root.Subcommands.Add(EmulateVerb.Create());
        root.Subcommands.Add(InitNotionVerb.Create());
        root.Subcommands.Add(KeyVerb.Create());
        root.Subcommands.Add(DbVerb.Create());
        root.Subcommands.Add(HealthcheckVerb.Create());
        try
        {
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            return await root.Parse(args).InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("hamgam: cancelled.");
            return Failed;
        }
        catch (Exception ex)
        {
            // The CLI boundary: a failure of an outside system or bad configuration, said plainly (no stack trace).
            await Console.Error.WriteLineAsync($"hamgam: {Describe(ex)}");
            return Failed;
        }
    }

    /// <summary>A verb that takes configuration tokens (<c>--Notion:Token=…</c>) besides its own options.</summary>
    internal static Command Verb(string name, string description) => new(name, description) { TreatUnmatchedTokensAsErrors = false };

    /// <summary>The web app's services, with the database ready: SQLite is migrated, PostgreSQL must be (see <c>migrate</c>).</summary>
    internal static async Task<IHost> StartHostAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var host = BuildHost([.. parse.UnmatchedTokens]);
        try
        {
            await PrepareDatabaseAsync(host.Services, cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    internal static IHost BuildHost(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.ClearProviders();
        // The verbs print their own summary; only warnings are logged, to stderr, whatever appsettings asks for.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        // EF logs a failed command (e.g. probing a history table a new database lacks) before throwing; the exception
        // itself reaches the user at the CLI boundary, said once.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.AddHamgamConfiguration();
        builder.Services.AddHamgamCore();
        builder.Services.AddHamgamDatabase();
        builder.Services.AddHamgamSync();
        builder.Services.AddHamgamKeyVault();
        return builder.Build();
    }

    private static string Describe(Exception ex) => ex switch
    {
        NotionApiException n => $"Notion answered {n.Status} {n.Code}: {n.Message}",
        SheetsApiException s => $"Google Sheets answered {s.Status}: {s.Message}",
        HttpRequestException h => $"could not connect: {h.Message}",
        _ => ex.Message,
    };

    private static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<HamgamDb>>().CreateDbContextAsync(cancellationToken);
        var (before, copy) = await SchemaUpgrade.PrepareAsync(db, migratePostgres: false, cancellationToken);
        if (copy is not null)
        {
            await Console.Error.WriteLineAsync($"hamgam: upgraded the database ({before.Pending.Count} migration(s)); the file as it was is kept at {copy}.");
        }
    }

    private static Command MigrateCommand()
    {
        var command = Verb("migrate", "Apply pending database migrations (SQLite or PostgreSQL) and exit.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BuildHost([.. parse.UnmatchedTokens]);
            var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var factory = host.Services.GetRequiredService<IDbContextFactory<HamgamDb>>();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var (before, copy) = await SchemaUpgrade.PrepareAsync(db, migratePostgres: true, cancellationToken);
            Console.WriteLine(before.Pending.Count == 0
                ? $"The {options.ProviderKind} database is up to date."
                : $"Applied {before.Pending.Count} migration(s) to the {options.ProviderKind} database: {string.Join(", ", before.Pending)}.");
            if (copy is not null)
            {
                Console.WriteLine($"The file as it was is kept at {copy}.");
            }

            return Ok;
        });
        return command;
    }
}
