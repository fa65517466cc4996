using Hamgam.Core.Data;
using Hamgam.Core.Runs;

namespace Hamgam.Web.Cli;

/// <summary>Shared wording of the verbs' summaries.</summary>
internal static class CliText
{
    public static string Status(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Success => "success",
        SyncRunStatus.Partial => "partial (some records had problems)",
        SyncRunStatus.Failed => "failed",
        _ => "running",
    };

    public static string Entity(EntityKind kind) => kind switch
    {
        EntityKind.Task => "Tasks",
        EntityKind.Project => "Projects",
        EntityKind.Habit => "Habits",
        _ => "Daily Logs",
    };

    public static void Problems(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count == 0)
        {
            return;
        }

        Console.WriteLine($"Problems ({list.Count}):");
        foreach (var problem in list)
        {
            Console.WriteLine($"  - {problem}");
        }
    }

    /// <summary>Host and database of a PostgreSQL connection string; never the password.</summary>
    public static string DescribePostgres(string connectionString)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        string Get(string key) => builder.TryGetValue(key, out var v) ? v?.ToString() ?? "?" : "?";
        return $"PostgreSQL, host {Get("Host")}, database {Get("Database")}";
    }
}
