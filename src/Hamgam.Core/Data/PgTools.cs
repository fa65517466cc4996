using System.Diagnostics;
using Npgsql;

namespace Hamgam.Core.Data;

/// <summary>Runs the PostgreSQL client tools (<c>pg_dump</c>, <c>pg_restore</c>) against a Hamgam connection string.</summary>
internal static class PgTools
{
    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = Start(tool);
        start.ArgumentList.Add("--host=" + (cs.Host ?? "127.0.0.1"));
        start.ArgumentList.Add("--port=" + cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(cs.Username))
        {
            start.ArgumentList.Add("--username=" + cs.Username);
        }

        start.ArgumentList.Add("--dbname=" + (cs.Database ?? cs.Username ?? "postgres"));
        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(cs.Password))
        {
            start.Environment["PGPASSWORD"] = cs.Password;
        }

        var (exit, _, error) = await RunAsync(start, cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{tool} failed (exit {exit}): {error.Trim()}");
        }
    }

    /// <summary><c>pg_restore --list</c>: the archive's table of contents, or empty when the file is not a pg_dump archive.</summary>
    public static async Task<string> ListAsync(string file, CancellationToken cancellationToken)
    {
        var start = Start("pg_restore");
        start.ArgumentList.Add("--list");
        start.ArgumentList.Add(file);
        var (exit, output, _) = await RunAsync(start, cancellationToken);
        return exit == 0 ? output : "";
    }

    private static ProcessStartInfo Start(string tool) => new(tool)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };

    private static async Task<(int Exit, string Output, string Error)> RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                $"{start.FileName} is not on PATH. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client), " +
                "or back up the database with your own pg_dump.");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await output, await error);
        }
    }
}
