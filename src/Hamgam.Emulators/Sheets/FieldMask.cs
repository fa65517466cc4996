using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Sheets;

/// <summary>
/// A Google field mask (<c>a.b,c(d,e/f)</c>, <c>*</c>) as a tree. A node with no children selects everything below it.
/// </summary>
internal sealed class FieldMask
{
    private FieldMask(Dictionary<string, FieldMask> children) => Children = children;

    public Dictionary<string, FieldMask> Children { get; }

    public bool SelectsAll => Children.Count == 0 || Children.ContainsKey("*");

    public static FieldMask Parse(string text)
    {
        var position = 0;
        var mask = ParseList(text, ref position);
        if (position != text.Length)
        {
            throw new FormatException($"Unexpected '{text[position]}' in field mask.");
        }

        return mask;
    }

    private static FieldMask ParseList(string text, ref int position)
    {
        var root = new FieldMask([]);
        while (true)
        {
            var node = root;
            while (true)
            {
                var start = position;
                while (position < text.Length && text[position] is not ('.' or '/' or ',' or '(' or ')'))
                {
                    position++;
                }

                var name = text[start..position].Trim();
                if (name.Length == 0)
                {
                    throw new FormatException("Empty field name in field mask.");
                }

                if (!node.Children.TryGetValue(name, out var child))
                {
                    child = new FieldMask([]);
                    node.Children[name] = child;
                }

                node = child;
                if (position < text.Length && text[position] is '.' or '/')
                {
                    position++;
                    continue;
                }

                break;
            }

            if (position < text.Length && text[position] == '(')
            {
                position++;
                var inner = ParseList(text, ref position);
                if (position >= text.Length || text[position] != ')')
                {
                    throw new FormatException("Unclosed '(' in field mask.");
                }

                position++;
                foreach (var (key, value) in inner.Children)
                {
                    node.Children[key] = value;
                }
            }

            if (position < text.Length && text[position] == ',')
            {
                position++;
                continue;
            }

            return root;
        }
    }

    /// <summary>The dotted leaf paths, e.g. <c>gridProperties.rowCount</c>.</summary>
    public IEnumerable<string> LeafPaths(string prefix = "")
    {
        foreach (var (name, child) in Children)
        {
            var path = prefix.Length == 0 ? name : prefix + "." + name;
            if (child.Children.Count == 0)
            {
                yield return path;
            }
            else
            {
                foreach (var leaf in child.LeafPaths(path))
                {
                    yield return leaf;
                }
            }
        }
    }

    /// <summary>A copy of <paramref name="node"/> holding only the selected fields; arrays are filtered element by element.</summary>
    public JsonNode? Apply(JsonNode? node)
    {
        if (SelectsAll || node is null)
        {
            return node?.DeepClone();
        }

        if (node is JsonArray array)
        {
            return new JsonArray([.. array.Select(Apply)]);
        }

        if (node is not JsonObject obj)
        {
            return node.DeepClone();
        }

        var result = new JsonObject();
        foreach (var (name, value) in obj)
        {
            if (Children.TryGetValue(name, out var child) && child.Apply(value) is { } kept && !IsEmptyObject(kept))
            {
                result[name] = kept;
            }
        }

        return result;
    }

    private static bool IsEmptyObject(JsonNode node) => node is JsonObject { Count: 0 } or JsonArray { Count: 0 };

    /// <summary>The first selected path that <paramref name="schema"/> does not know, or null.</summary>
    public string? FindUnknownPath(SchemaNode schema, string prefix = "")
    {
        foreach (var (name, child) in Children)
        {
            var path = prefix.Length == 0 ? name : prefix + "." + name;
            if (name == "*" || schema.IsOpen)
            {
                continue;
            }

            if (!schema.Fields.TryGetValue(name, out var childSchema))
            {
                return path;
            }

            if (child.FindUnknownPath(childSchema, path) is { } unknown)
            {
                return unknown;
            }
        }

        return null;
    }
}

/// <summary>The fields a message has, for validating masks; an open node accepts any sub-path.</summary>
internal sealed class SchemaNode
{
    private SchemaNode(bool isOpen, Dictionary<string, SchemaNode> fields)
    {
        IsOpen = isOpen;
        Fields = fields;
    }

    public bool IsOpen { get; }

    public Dictionary<string, SchemaNode> Fields { get; }

    public static SchemaNode Open { get; } = new(true, []);

    public static SchemaNode Of(params (string Name, SchemaNode Node)[] fields) =>
        new(false, fields.ToDictionary(f => f.Name, f => f.Node, StringComparer.Ordinal));

    public static SchemaNode Leaves(params string[] names) =>
        new(false, names.ToDictionary(n => n, _ => Open, StringComparer.Ordinal));
}
