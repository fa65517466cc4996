using System.Text.Json.Nodes;
using Hamgam.Emulators.Notion.Model;

namespace Hamgam.Emulators.Notion;

internal static class UserJson
{
    public static JsonObject Reference(string id) => new() { ["object"] = "user", ["id"] = id };

    /// <summary>The expanded user object used in people, created_by and last_edited_by values and in mentions.</summary>
    public static JsonObject Full(NotionUser user)
    {
        var result = new JsonObject
        {
            ["object"] = "user",
            ["id"] = user.Id,
            ["name"] = user.Name,
            ["avatar_url"] = user.AvatarUrl,
            ["type"] = user.Type,
        };
        result[user.Type] = user.Type == "person" ? new JsonObject { ["email"] = user.Email } : new JsonObject();
        return result;
    }
}
