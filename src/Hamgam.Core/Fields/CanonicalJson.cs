using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hamgam.Core.Fields;

[JsonSerializable(typeof(IReadOnlyCollection<string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string?>))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class CanonicalJson : JsonSerializerContext
{
    /// <summary>Persian and emoji stay readable in stored snapshots and the conflict inbox (no \uXXXX escapes).</summary>
    public static CanonicalJson Relaxed { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
