using System.CommandLine;
using Hamgam.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Cli;

/// <summary>
/// <c>hamgam db backup FILE</c> and <c>hamgam db restore FILE</c>: a local copy of Hamgam's own database (not the Google
/// Sheet: that is <c>backup</c>/<c>restore</c>). See <see cref="DatabaseBackup"/> for how each provider does it.
/// </summary>
internal static class DbVerb
{
    public static Command Create()
    {
        var command = new Command("db", "Hamgam's own database: a local backup and its restore.");
        command.Subcommands.Add(Backup());
        command.Subcommands.Add(Restore());
        return command;
    }

    private static Command Backup()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the backup (SQLite: a database file; PostgreSQL: a pg_dump archive)." };
        var command = HamgamCli.Verb("backup", "Write a consistent copy of the database to FILE; the server may keep running.");
        command.Arguments.Add(file);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await HamgamCli.StartHostAsync(parse, cancellationToken);
            var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var target = parse.GetRequiredValue(file).FullName;
            await DatabaseBackup.BackupAsync(options.ProviderKind, options.ResolveConnectionString(), target, cancellationToken);
            Console.WriteLine($"Backed up the {options.ProviderKind} database to {target} ({new FileInfo(target).Length:N0} bytes).");
            return HamgamCli.Ok;
        });
        return command;
    }

    private static Command Restore()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A backup made by `hamgam db backup`." };
        var command = HamgamCli.Verb("restore", "Replace the database's contents with a backup made by `hamgam db backup`. Stop the server first.");
        command.Arguments.Add(file);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // No schema preparation first: the database being replaced may be empty, older or damaged.
            using var host = HamgamCli.BuildHost([.. parse.UnmatchedTokens]);
            var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<HamgamDb>>().CreateDbContextAsync(cancellationToken);
            var source = parse.GetRequiredValue(file).FullName;
            var kept = await DatabaseBackup.RestoreAsync(
                options.ProviderKind, options.ResolveConnectionString(), source, db.Database.GetMigrations().ToList(), cancellationToken);
            Console.WriteLine($"Restored the {options.ProviderKind} database from {source}.");
            if (kept is not null)
            {
                Console.WriteLine($"The database as it was is kept at {kept}.");
            }

            return HamgamCli.Ok;
        });
        return command;
    }
}
