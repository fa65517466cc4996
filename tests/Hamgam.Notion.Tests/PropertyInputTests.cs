using System.Text;
using System.Text.Json.Nodes;
using Hamgam.Notion.Tests.Support;

namespace Hamgam.Notion.Tests;

public sealed class PropertyInputTests
{
    private static readonly JsonNode RecordedCreate = Conformance.Manifest().Single(e => e.File.StartsWith("12_", StringComparison.Ordinal)).RequestBody!["properties"]!;

    [Theory]
    [InlineData("Checkbox")]
    [InlineData("Date")]
    [InlineData("Email")]
    [InlineData("Multi-select")]
    [InlineData("Number")]
    [InlineData("Phone number")]
    [InlineData("Select")]
    [InlineData("URL")]
    public void ToJson_MatchesTheRecordedRequest(string property)
    {
        var input = property switch
        {
            "Checkbox" => PropertyInput.Checkbox(true),
            "Date" => PropertyInput.Date(new DateOnly(2021, 1, 1)),
            "Email" => PropertyInput.Email("email@provider.com"),
            "Multi-select" => PropertyInput.MultiSelect(["Option1"]),
            "Number" => PropertyInput.Number(42),
            "Phone number" => PropertyInput.PhoneNumber("+1 234 567 890"),
            "Select" => PropertyInput.Select("Option1"),
            _ => PropertyInput.Url("https://ultimate-notion.com/"),
        };

        AssertJson(RecordedCreate[property]!.ToJsonString(), input);
    }

    [Fact]
    public void Relation_WritesIdObjects()
    {
        AssertJson("""{"type":"relation","relation":[{"id":"a"},{"id":"b"}]}""", PropertyInput.Relation(["a", "b"]));
        AssertJson("""{"type":"relation","relation":[]}""", PropertyInput.Relation([]));
    }

    [Fact]
    public void Status_ByName_MatchesRecordedUpdate() =>
        AssertJson("""{"type":"status","status":{"name":"Blocked"}}""", PropertyInput.Status("Blocked"));

    [Fact]
    public void NullArguments_ClearTheValue()
    {
        AssertJson("""{"type":"select","select":null}""", PropertyInput.Select(null));
        AssertJson("""{"type":"status","status":null}""", PropertyInput.Status(null));
        AssertJson("""{"type":"date","date":null}""", PropertyInput.Date(null));
        AssertJson("""{"type":"number","number":null}""", PropertyInput.Number(null));
        AssertJson("""{"type":"url","url":null}""", PropertyInput.Url(null));
        AssertJson("""{"type":"rich_text","rich_text":[]}""", PropertyInput.RichText(null));
        AssertJson("""{"type":"rich_text","rich_text":[]}""", PropertyInput.RichText(""));
        AssertJson("""{"type":"checkbox","checkbox":false}""", PropertyInput.Checkbox(false));
    }

    [Fact]
    public void Date_WithTimeAndRange_KeepsOffset()
    {
        var start = new DateTimeOffset(2026, 6, 27, 18, 1, 0, TimeSpan.FromHours(3.5));
        AssertJson("""{"type":"date","date":{"start":"2026-06-27T18:01:00.000+03:30","end":"2026-06-27T19:31:00.000+03:30"}}""",
            PropertyInput.Date(start, start.AddMinutes(90)));
        AssertJson("""{"type":"date","date":{"start":"2026-06-27"}}""", PropertyInput.Date(start, dateOnly: true));
        AssertJson("""{"type":"date","date":{"start":"2026-06-27","end":"2026-06-29"}}""",
            PropertyInput.Date(new DateOnly(2026, 6, 27), new DateOnly(2026, 6, 29)));
    }

    [Fact]
    public void Title_ShortText_IsOneTextObject() =>
        AssertJson("""{"type":"title","title":[{"type":"text","text":{"content":"خرید نان"}}]}""", PropertyInput.Title("خرید نان"));

    [Fact]
    public void RichText_4500PersianCharsWithEmoji_SplitsWithoutBreakingSurrogatePairs()
    {
        // An emoji (a surrogate pair) straddles the 2,000 boundary: the first chunk must end before it.
        var text = new StringBuilder()
            .Append('س', 1999).Append("😀")
            .Append(string.Concat(Enumerable.Repeat("سلام دنیا ", 249)))
            .Append("🌹🌹")
            .ToString();
        text += new string('ی', 4500 - text.Length);
        Assert.Equal(4500, text.Length);

        var segments = PropertyInput.RichText(text).ToJson()["rich_text"]!.AsArray()
            .Select(s => s!["text"]!["content"]!.GetValue<string>()).ToList();

        Assert.Equal(3, segments.Count);
        Assert.All(segments, s => Assert.InRange(s.Length, 1, 2000));
        Assert.Equal(1999, segments[0].Length);
        Assert.StartsWith("😀", segments[1], StringComparison.Ordinal);
        Assert.All(segments, s => Assert.False(char.IsHighSurrogate(s[^1])));
        Assert.All(segments, s => Assert.False(char.IsLowSurrogate(s[0])));
        Assert.Equal(text, string.Concat(segments));
    }

    [Fact]
    public void RichText_Exactly200000Chars_Is100Objects_AndOneMoreThrows()
    {
        Assert.Equal(100, PropertyInput.RichText(new string('a', PropertyInput.MaxTextLength)).ToJson()["rich_text"]!.AsArray().Count);
        Assert.Throws<ArgumentException>(() => PropertyInput.RichText(new string('a', PropertyInput.MaxTextLength + 1)));
    }

    [Fact]
    public void Relation_Over100Ids_Throws() =>
        Assert.Throws<ArgumentException>(() => PropertyInput.Relation(Enumerable.Range(0, 101).Select(i => $"id{i}")));

    [Fact]
    public void SchemaInput_ProducesRecordedDatabaseCreateShapes()
    {
        var recorded = Conformance.Manifest().Single(e => e.File.StartsWith("09_", StringComparison.Ordinal))
            .RequestBody!["initial_data_source"]!["properties"]!;

        Assert.True(JsonNode.DeepEquals(recorded["Select"], PropertySchemaInput.Select([new SelectOption { Name = "Option1" }, new SelectOption { Name = "Option2", Color = "red" }]).ToJson()));
        Assert.True(JsonNode.DeepEquals(recorded["Number"], PropertySchemaInput.Number("dollar").ToJson()));
        Assert.True(JsonNode.DeepEquals(recorded["ID"], PropertySchemaInput.UniqueId("ALLCOLS619").ToJson()));
        Assert.True(JsonNode.DeepEquals(recorded["Relation"], PropertySchemaInput.Relation("c4be9b3b-bf52-4e44-9da6-16649dac0f21").ToJson()));
        Assert.True(JsonNode.DeepEquals(recorded["Title"], PropertySchemaInput.Title().ToJson()));
    }

    private static void AssertJson(string expected, PropertyInput actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual.ToJson()), $"expected {expected}\nactual   {actual}");
}
