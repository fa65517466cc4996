namespace Hamgam.Emulators.Tests.Notion;

/// <summary>Finds the shared folder (docs and conformance recordings) beside the repository.</summary>
internal static class SharedFolder
{
    private static string? _repositoryRoot;

    public static string Path { get; } = Locate();

    public static string NotionConformance => System.IO.Path.Combine(Path, "conformance", "notion");

    public static string RepositoryRoot => _repositoryRoot ?? throw new InvalidOperationException("Repository root not located.");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Hamgam.slnx")))
            {
                _repositoryRoot = dir.FullName;
                return NextToRepository(dir);
            }
        }
        throw new InvalidOperationException($"No Hamgam.slnx found above {AppContext.BaseDirectory}; cannot locate the shared folder.");
    }

    // CI clones the repository with shared/ beside it; a git worktree sits one level deeper, so the
    // nearest ancestor's shared/ is used.
    private static string NextToRepository(DirectoryInfo repository)
    {
        var expected = System.IO.Path.GetFullPath(System.IO.Path.Combine(repository.FullName, "..", "shared"));
        for (var dir = repository.Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "conformance")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            $"The shared folder (docs and conformance recordings) was expected at {expected}, next to the repository, but is missing.");
    }
}
