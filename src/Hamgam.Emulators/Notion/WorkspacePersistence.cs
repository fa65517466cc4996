using System.Text.Json;
using System.Text.Json.Serialization;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

/// <summary>Saves the workspace to a JSON file and loads it back (for <c>hamgam emulate</c> and demo mode).</summary>
internal static class WorkspacePersistence
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void SaveIfDirty(NotionWorkspace workspace, string path)
    {
        var now = Environment.TickCount64;
        // Saving 100,000 pages takes a while, so changes are written at most once a second (and on dispose).
        if (!workspace.IsDirty || now - Interlocked.Read(ref workspace.LastSaveTicks) < 1000)
        {
            return;
        }
        Interlocked.Exchange(ref workspace.LastSaveTicks, now);
        Save(workspace, path);
    }

    public static void Save(NotionWorkspace workspace, string path)
    {
        lock (workspace.Gate)
        {
            var snapshot = new Snapshot
            {
                BotUserId = workspace.BotUserId,
                OwnerUserId = workspace.OwnerUserId,
                RootPageId = workspace.RootPageId,
                Users = workspace.Users.ToList(),
                Databases = workspace.AllDatabases.ToList(),
                DataSources = workspace.AllDatabases.SelectMany(d => d.DataSourceIds).Select(id => workspace.FindDataSourceUnlocked(id)!).ToList(),
                OtherPages = workspace.AllPages.Where(p => p.DataSourceId is null).ToList(),
            };
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
            var temporary = path + ".tmp";
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(snapshot, SerializerOptions));
            File.Move(temporary, path, overwrite: true);
            workspace.IsDirty = false;
        }
    }

    public static void Load(NotionWorkspace workspace, string path)
    {
        var snapshot = JsonSerializer.Deserialize<Snapshot>(File.ReadAllBytes(path), SerializerOptions)
            ?? throw new InvalidDataException($"{path} holds no Notion workspace.");
        lock (workspace.Gate)
        {
            workspace.Clear();
            snapshot.Users.ForEach(workspace.Register);
            snapshot.Databases.ForEach(workspace.Register);
            foreach (var dataSource in snapshot.DataSources)
            {
                workspace.Register(dataSource);
                dataSource.Pages.ForEach(workspace.Register);
            }
            snapshot.OtherPages.ForEach(workspace.Register);
            workspace.ResetIdentity(snapshot.BotUserId, snapshot.OwnerUserId, snapshot.RootPageId);
            workspace.IsDirty = false;
        }
    }

    private sealed class Snapshot
    {
        public string BotUserId { get; set; } = string.Empty;

        public string OwnerUserId { get; set; } = string.Empty;

        public string RootPageId { get; set; } = string.Empty;

        public List<NotionUser> Users { get; set; } = [];

        public List<NotionDatabase> Databases { get; set; } = [];

        public List<NotionDataSource> DataSources { get; set; } = [];

        public List<NotionPage> OtherPages { get; set; } = [];
    }
}
