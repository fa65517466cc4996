using System.Security.Cryptography;
using System.Text;
using Hamgam.Core.Fields;
using Hamgam.Notion;

namespace Hamgam.Core.Sync.Mapping;

/// <summary>A Notion page read into canonical field values (relations still as Notion page ids).</summary>
public sealed record RemoteRecord(
    string NotionId,
    string? Url,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastEditedTime,
    bool InTrash,
    Dictionary<string, string?> Fields,
    IReadOnlyList<string> IncompleteRelations)
{
    /// <summary>A hash of everything that would be written locally; equal hashes mean nothing to do.</summary>
    public string ContentHash()
    {
        var text = new StringBuilder();
        text.Append(InTrash ? "T" : "F").Append('\n');
        foreach (var (name, value) in Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(value is null ? "\u2400" : value.Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>Reads pages through the bindings; a page that cannot be read is a per-record error, never an exception.</summary>
public static class PageReader
{
    public static RemoteRecord? Read(NotionPage page, EntityFieldSet fields, SchemaBindings bindings, out string? error)
    {
        error = null;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var incomplete = new List<string>();
        foreach (var binding in bindings.All)
        {
            var field = fields.Find(binding.Field)!;
            var value = page.Properties.Values.FirstOrDefault(v => v.Id == binding.Id)
                ?? page.Properties.GetValueOrDefault(binding.Name);
            if (value is null)
            {
                error = $"property '{binding.Name}' ({binding.Field}) is missing from the page; was it deleted in Notion?";
                return null;
            }

            if (!NotionValues.TryRead(field.Kind, value, out var canonical, out var problem))
            {
                error = $"property '{binding.Name}' ({binding.Field}): {problem}";
                return null;
            }

            if (value is RelationValue { HasMore: true })
            {
                incomplete.Add(binding.Field);
            }

            values[binding.Field] = canonical;
        }

        return new RemoteRecord(page.Id, page.Url, page.CreatedTime, page.LastEditedTime, page.InTrash, values, incomplete);
    }
}
