namespace Hamgam.Emulators.Tests.Sheets;

/// <summary>Finds the shared folder: <c>../shared</c> next to the directory holding Hamgam.slnx (or a parent of it, for worktrees).</summary>
public static class SharedFolder
{
    public static string Path { get; } = Find();

    public static string RepositoryRoot { get; } = FindRoot();

    public static string SheetsConformance => System.IO.Path.Combine(Path, "conformance", "sheets");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Hamgam.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Hamgam.slnx above " + AppContext.BaseDirectory);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(FindRoot()).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "conformance")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/conformance folder above the repository root.");
    }
}
