using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hamgam.Emulators.Notion.Http;

/// <summary>Writes response bodies: members in Notion's order, then <c>request_id</c> as the last key.</summary>
internal static class NotionJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Object(string requestId, Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteString("request_id", requestId);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(string requestId, NotionApiException error) => Object(requestId, w =>
    {
        w.WriteString("object", "error");
        w.WriteNumber("status", error.Status);
        w.WriteString("code", error.Code);
        w.WriteString("message", error.Message);
        if (error.AdditionalData is { } data)
        {
            w.WriteStartObject("additional_data");
            foreach (var (key, value) in data)
            {
                w.WriteString(key, value);
            }
            w.WriteEndObject();
        }
    });
}
