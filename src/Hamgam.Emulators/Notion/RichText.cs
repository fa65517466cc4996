using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

/// <summary>Validates request rich text and stores it in response shape (annotations and plain_text filled in).</summary>
internal static class RichText
{
    public const int MaxElements = 100;
    public const int MaxContentLength = 2000;

    private static readonly string[] AnnotationFlags = ["bold", "italic", "strikethrough", "underline", "code"];

    public static JsonArray Normalize(JsonNode? node, string path, NotionWorkspace workspace)
    {
        if (node is not JsonArray items)
        {
            throw NotionApiException.Body(path, "an array", node?.ToJsonString());
        }
        if (items.Count > MaxElements)
        {
            throw NotionApiException.Validation(
                $"body failed validation: {path}.length should be ≤ `{MaxElements}`, instead was `{items.Count}`.");
        }
        var result = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            result.Add(NormalizeItem(items[i], $"{path}[{i}]", workspace));
        }
        return result;
    }

    public static JsonArray FromPlainText(string text) =>
        [Item("text", new JsonObject { ["content"] = text, ["link"] = null }, null, text, null)];

    public static string PlainText(JsonNode? richText)
    {
        if (richText is not JsonArray items)
        {
            return string.Empty;
        }
        if (items.Count == 1)
        {
            return items[0]?["plain_text"]?.GetValue<string>() ?? string.Empty;
        }
        var builder = new StringBuilder();
        foreach (var item in items)
        {
            builder.Append(item?["plain_text"]?.GetValue<string>());
        }
        return builder.ToString();
    }

    private static JsonObject NormalizeItem(JsonNode? node, string path, NotionWorkspace workspace)
    {
        if (node is not JsonObject item)
        {
            throw NotionApiException.Body(path, "an object", node?.ToJsonString());
        }
        var type = item["type"]?.GetValue<string>()
            ?? (item.ContainsKey("text") ? "text" : item.ContainsKey("mention") ? "mention" : item.ContainsKey("equation") ? "equation" : null);
        return type switch
        {
            "text" => NormalizeText(item, path),
            "mention" => NormalizeMention(item, path, workspace),
            "equation" => NormalizeEquation(item, path),
            _ => throw NotionApiException.Body($"{path}.text", "defined", null),
        };
    }

    private static JsonObject NormalizeText(JsonObject item, string path)
    {
        if (item["text"] is not JsonObject text || text["content"] is not JsonValue contentNode || contentNode.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            throw NotionApiException.Body($"{path}.text.content", "defined", null);
        }
        var content = contentNode.GetValue<string>();
        CheckLength(content, $"{path}.text.content", MaxContentLength);
        JsonObject? link = null;
        if (text["link"] is JsonObject linkNode)
        {
            var url = linkNode["url"]?.GetValue<string>() ?? throw NotionApiException.Body($"{path}.text.link.url", "defined", null);
            CheckLength(url, $"{path}.text.link.url", MaxContentLength);
            link = new JsonObject { ["url"] = url };
        }
        var href = link?["url"]?.GetValue<string>();
        return Item("text", new JsonObject { ["content"] = content, ["link"] = link }, item["annotations"], content, href);
    }

    private static JsonObject NormalizeEquation(JsonObject item, string path)
    {
        var expression = item["equation"]?["expression"]?.GetValue<string>()
            ?? throw NotionApiException.Body($"{path}.equation.expression", "defined", null);
        CheckLength(expression, $"{path}.equation.expression", 1000);
        return Item("equation", new JsonObject { ["expression"] = expression }, item["annotations"], expression, null);
    }

    private static JsonObject NormalizeMention(JsonObject item, string path, NotionWorkspace workspace)
    {
        if (item["mention"] is not JsonObject mention)
        {
            throw NotionApiException.Body($"{path}.mention", "defined", null);
        }
        var kind = mention["type"]?.GetValue<string>()
            ?? (mention.ContainsKey("user") ? "user" : mention.ContainsKey("page") ? "page" : mention.ContainsKey("date") ? "date" : mention.ContainsKey("database") ? "database" : "unknown");
        switch (kind)
        {
            case "user":
                var userId = NotionIds.Normalize(mention["user"]?["id"]?.GetValue<string>())
                    ?? throw NotionApiException.Body($"{path}.mention.user.id", "a valid uuid", mention["user"]?["id"]?.ToJsonString());
                var user = workspace.FindUser(userId);
                var userJson = user is null ? new JsonObject { ["object"] = "user", ["id"] = userId } : UserJson.Full(user);
                return Item("mention", new JsonObject { ["type"] = "user", ["user"] = userJson }, item["annotations"],
                    "@" + (user?.Name ?? "Anonymous"), null);
            case "page":
                var pageId = NotionIds.Normalize(mention["page"]?["id"]?.GetValue<string>())
                    ?? throw NotionApiException.Body($"{path}.mention.page.id", "a valid uuid", mention["page"]?["id"]?.ToJsonString());
                var (title, url) = workspace.DescribePage(pageId);
                return Item("mention", new JsonObject { ["type"] = "page", ["page"] = new JsonObject { ["id"] = pageId } }, item["annotations"], title, url);
            case "date":
                var date = PropertyValues.NormalizeDate(mention["date"], $"{path}.mention.date")
                    ?? throw NotionApiException.Body($"{path}.mention.date", "an object", "null");
                var plain = date["start"]!.GetValue<string>();
                return Item("mention", new JsonObject { ["type"] = "date", ["date"] = date }, item["annotations"], plain, null);
            default:
                var copy = mention.DeepClone().AsObject();
                return Item("mention", copy, item["annotations"], item["plain_text"]?.GetValue<string>() ?? string.Empty, null);
        }
    }

    private static void CheckLength(string value, string path, int max)
    {
        if (value.Length > max)
        {
            throw NotionApiException.Validation(string.Create(CultureInfo.InvariantCulture,
                $"body failed validation: {path}.length should be ≤ `{max}`, instead was `{value.Length}`."));
        }
    }

    private static JsonObject Item(string type, JsonObject payload, JsonNode? annotations, string plainText, string? href)
    {
        return new JsonObject
        {
            ["type"] = type,
            [type] = payload,
            ["annotations"] = Annotations(annotations),
            ["plain_text"] = plainText,
            ["href"] = href,
        };
    }

    private static JsonObject Annotations(JsonNode? requested)
    {
        var result = new JsonObject();
        foreach (var flag in AnnotationFlags)
        {
            result[flag] = requested?[flag] is JsonValue value && value.TryGetValue<bool>(out var on) && on;
        }
        result["color"] = requested?["color"] is JsonValue color && color.TryGetValue<string>(out var name) ? name : "default";
        return result;
    }
}
