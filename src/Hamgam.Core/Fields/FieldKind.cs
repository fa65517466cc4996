namespace Hamgam.Core.Fields;

/// <summary>How a field is stored in Notion, and so how its canonical value is written.</summary>
public enum FieldKind
{
    /// <summary>The page title; canonical value is the plain text.</summary>
    Title,

    /// <summary>Rich text; canonical value is the plain text of every segment.</summary>
    Text,

    /// <summary>A select option name.</summary>
    Select,

    /// <summary>A Status property, which may be a <c>select</c> or a <c>status</c> in Notion.</summary>
    Status,

    /// <summary>Multi-select option names, canonically a JSON array.</summary>
    MultiSelect,

    /// <summary>An ISO 8601 date, with or without a time and offset.</summary>
    Date,

    /// <summary>"true" or "false", never null.</summary>
    Checkbox,

    /// <summary>A number in invariant culture.</summary>
    Number,

    /// <summary>A relation to another Hamgam entity, canonically the related local id.</summary>
    Relation,
}
