using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Notion;

/// <summary>One rich text segment (<c>text</c>, <c>mention</c> or <c>equation</c>) as Notion returns it.</summary>
public sealed record RichText
{
    /// <summary>The segment type: <c>text</c>, <c>mention</c>, <c>equation</c>, or a newer one.</summary>
    public string Type { get; init; } = "text";

    /// <summary>The segment rendered as plain text (mentions included, e.g. <c>@Name</c>).</summary>
    public string PlainText { get; init; } = string.Empty;

    /// <summary>The link of the segment, if any.</summary>
    public string? Href { get; init; }

    /// <summary>Formatting; <see langword="null"/> when Notion omitted it.</summary>
    public RichTextAnnotations? Annotations { get; init; }

    /// <summary>The text content when <see cref="Type"/> is <c>text</c>.</summary>
    public RichTextContent? Text { get; init; }

    /// <summary>The raw mention object when <see cref="Type"/> is <c>mention</c>.</summary>
    public JsonElement? Mention { get; init; }

    /// <summary>The equation when <see cref="Type"/> is <c>equation</c>.</summary>
    public RichTextEquation? Equation { get; init; }

    /// <summary>Joins the plain text of all segments, in order.</summary>
    /// <param name="segments">The segments of a title or rich text value.</param>
    /// <returns>The concatenated plain text; empty for no segments.</returns>
    public static string Join(IEnumerable<RichText>? segments) =>
        segments is null ? string.Empty : string.Concat(segments.Select(s => s.PlainText));
}

/// <summary>Formatting of a rich text segment.</summary>
public sealed record RichTextAnnotations
{
    /// <summary>Bold.</summary>
    public bool Bold { get; init; }
    /// <summary>Italic.</summary>
    public bool Italic { get; init; }
    /// <summary>Strikethrough.</summary>
    public bool Strikethrough { get; init; }
    /// <summary>Underline.</summary>
    public bool Underline { get; init; }
    /// <summary>Inline code.</summary>
    public bool Code { get; init; }
    /// <summary>A Notion colour name such as <c>default</c> or <c>red_background</c>.</summary>
    public string Color { get; init; } = "default";
}

/// <summary>The <c>text</c> part of a text segment.</summary>
public sealed record RichTextContent
{
    /// <summary>The text.</summary>
    public string Content { get; init; } = string.Empty;
    /// <summary>The link, if any.</summary>
    public NotionLink? Link { get; init; }
}

/// <summary>A link target.</summary>
public sealed record NotionLink
{
    /// <summary>The URL.</summary>
    public string Url { get; init; } = string.Empty;
}

/// <summary>The <c>equation</c> part of an equation segment.</summary>
public sealed record RichTextEquation
{
    /// <summary>The KaTeX expression.</summary>
    public string Expression { get; init; } = string.Empty;
}
