using Hamgam.Core.Data;

namespace Hamgam.Core.Projects;

/// <summary>A row of the Projects data source.</summary>
public sealed class Project : SyncedEntity
{
    public string Name { get; set; } = "";

    public string? Status { get; set; }

    public string? Area { get; set; }

    public string? Priority { get; set; }

    public FlexDate? StartDate { get; set; }

    public FlexDate? TargetDate { get; set; }

    /// <summary>The "Vision/Why" rich text.</summary>
    public string? Vision { get; set; }
}
