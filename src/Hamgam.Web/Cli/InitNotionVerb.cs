using System.CommandLine;
using Hamgam.Core.Data;
using Hamgam.Core.Sync;
using Hamgam.Core.Sync.Schema;
using Hamgam.Notion;
using Microsoft.Extensions.Options;

namespace Hamgam.Web.Cli;

/// <summary>
/// <c>hamgam init-notion --parent-page &lt;id or URL&gt;</c>: creates Projects, Tasks (related to Projects), Habits and Daily Logs
/// under a page shared with the integration, with the properties and options Hamgam expects (under the configured names),
/// and prints their ids and the configuration lines to paste.
/// </summary>
internal static class InitNotionVerb
{
    public static Command Create()
    {
        var parent = new Option<string>("--parent-page") { Description = "The page (id or Notion URL) to create the four databases under; share it with the integration first.", Required = true };
        var command = HamgamCli.Verb("init-notion", "Create Hamgam's four Notion databases with the right schema under a page you name.");
        command.Options.Add(parent);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var parentId = DataSourceResolver.NormalizeId(parse.GetValue(parent));
            if (parentId is null)
            {
                await Console.Error.WriteLineAsync("hamgam: --parent-page needs a page id (32 hexadecimal characters) or the page's Notion URL.");
                return HamgamCli.Failed;
            }

            using var host = HamgamCli.BuildHost([.. parse.UnmatchedTokens]);
            var options = host.Services.GetRequiredService<IOptions<NotionSyncOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.Token))
            {
                await Console.Error.WriteLineAsync("hamgam: no Notion token is configured: set Notion__Token (or NOTION_API_KEY) to your integration's secret.");
                return HamgamCli.NotConfigured;
            }

            var notion = host.Services.GetRequiredService<NotionClient>();
            var created = new List<(EntityKind Kind, NotionDatabase Database)>();
            foreach (var kind in new[] { EntityKind.Project, EntityKind.Task, EntityKind.Habit, EntityKind.DailyLog })
            {
                var projects = created.FirstOrDefault(c => c.Kind == EntityKind.Project).Database?.DataSources[0].Id;
                var database = await CreateAsync(notion, parentId, kind, options, projects, cancellationToken);
                created.Add((kind, database));
                Console.WriteLine($"Created {HamgamSchema.Title(kind),-10} database {database.Id} (data source {database.DataSources[0].Id})");
            }

            Console.WriteLine("Configuration to paste (environment variables; or the same keys in appsettings.json under Notion:Databases):");
            foreach (var (kind, database) in created)
            {
                Console.WriteLine($"Notion__Databases__{kind}s={database.Id}");
            }

            return HamgamCli.Ok;
        });
        return command;
    }

    private static async Task<NotionDatabase> CreateAsync(
        NotionClient notion, string parentId, EntityKind kind, NotionSyncOptions options, string? projectsDataSourceId, CancellationToken cancellationToken)
    {
        try
        {
            return await notion.Databases.CreateAsync(parentId, HamgamSchema.Title(kind), HamgamSchema.Build(kind, options, projectsDataSourceId), cancellationToken: cancellationToken);
        }
        catch (NotionApiException ex) when (ex.Status is 404 or 401 or 403)
        {
            var advice = ex.Status == 404
                ? $"the page {parentId} is not shared with the integration (or the id is wrong): open the page in Notion → ••• → Connections → add your integration."
                : NotionSchemaChecker.Explain(ex, parentId);
            throw new InvalidOperationException($"Could not create the {HamgamSchema.Title(kind)} database: {advice}", ex);
        }
    }
}
