using System.Text.Json;
using System.Text.Json.Nodes;
using Hamgam.Notion.Tests.Support;

namespace Hamgam.Notion.Tests;

/// <summary>Every property value type, read from the real recordings.</summary>
public sealed class PropertyValueTests
{
    private static readonly NotionPage AllTypes = Conformance.PageFrom("12");
    private static readonly NotionPage QueriedAllTypes = Conformance.PageFrom("13", 0);

    [Fact]
    public void Read_Title_KeepsEverySegmentAndJoinsPlainText()
    {
        var raw = JsonNode.Parse(Conformance.ReadPrefixed("22"))!["properties"]!["Name"]!["title"]!.AsArray();
        var page = Conformance.PageFrom("22");

        var title = page.Property<TitleValue>("Name")!;

        Assert.Equal(100, title.Text.Count);
        Assert.Equal(string.Concat(raw.Select(s => s!["plain_text"]!.GetValue<string>())), title.PlainText);
        Assert.Equal(title.PlainText, page.Title);
        Assert.Equal("mention", title.Text[1].Type);
        Assert.Equal("user", title.Text[1].Mention!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public void Read_RichText_KeepsEverySegmentWithAnnotations()
    {
        var text = Conformance.PageFrom("22").Property<RichTextValue>("Description")!;

        Assert.Equal(100, text.Text.Count);
        Assert.StartsWith("Who is the best programmer? ;-) @Adam Dangoor, ", text.PlainText, StringComparison.Ordinal);
        Assert.Equal("Who is the best programmer? ;-) ", text.Text[0].Text!.Content);
        Assert.Equal("default", text.Text[0].Annotations!.Color);
    }

    [Fact]
    public void Read_SelectAndStatus_GiveOptionOrNull()
    {
        Assert.Equal("Option1", AllTypes.Property<SelectValue>("Select")!.Option!.Name);
        Assert.Null(QueriedAllTypes.Property<SelectValue>("Select")!.Option);
        var status = Conformance.PageFrom("18").Property<StatusValue>("Status")!;
        Assert.Equal(("f4b3a893-4b26-48db-b839-421daf1f1a25", "Blocked", "red"), (status.Option!.Id, status.Option.Name, status.Option.Color));
        Assert.Equal("U%60%3BC", status.Id);
    }

    [Fact]
    public void Read_MultiSelect_GivesOptionsOrEmpty()
    {
        Assert.Equal(["Option1"], AllTypes.Property<MultiSelectValue>("Multi-select")!.Options.Select(o => o.Name));
        Assert.Empty(QueriedAllTypes.Property<MultiSelectValue>("Multi-Select")!.Options);
    }

    [Fact]
    public void Read_DateOnly_IsDateOnly()
    {
        var date = AllTypes.Property<DateValue>("Date")!.Date!;

        Assert.True(date.IsDateOnly);
        Assert.Equal(new DateOnly(2021, 1, 1), date.StartDate);
        Assert.Null(date.End);
    }

    [Fact]
    public void Read_DateTimeWithOffset_KeepsTheOffset()
    {
        var date = Conformance.PageFrom("14", 0).Property<DateValue>("Date")!.Date!;

        Assert.False(date.IsDateOnly);
        Assert.Equal(new DateTimeOffset(2027, 6, 27, 18, 1, 0, TimeSpan.FromHours(1)), date.Start);
        Assert.Equal(TimeSpan.FromHours(1), date.Start.Offset);
        Assert.Null(date.TimeZone);
    }

    [Fact]
    public void Read_DateTimeUtc_AndEmptyDate()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 8, 12, 0, 0, TimeSpan.Zero), Conformance.PageFrom("19").Property<DateValue>("Due Date")!.Date!.Start);
        Assert.Null(QueriedAllTypes.Property<DateValue>("Date")!.Date);
    }

    [Fact]
    public void Read_CheckboxAndNumber()
    {
        Assert.True(AllTypes.Property<CheckboxValue>("Checkbox")!.Checked);
        Assert.Equal(42m, AllTypes.Property<NumberValue>("Number")!.Number);
        Assert.Equal(2m, QueriedAllTypes.Property<NumberValue>("Number")!.Number);
    }

    [Fact]
    public void Read_RelationTruncated_ReportsHasMore()
    {
        var relation = Conformance.PageFrom("16").Property<RelationValue>("Items Purchased")!;

        Assert.Equal(25, relation.PageIds.Count);
        Assert.True(relation.HasMore);
        Assert.Equal("o_yF", relation.Id);
        var full = AllTypes.Property<RelationValue>("Relation")!;
        Assert.Equal(2, full.PageIds.Count);
        Assert.False(full.HasMore);
    }

    [Fact]
    public void Read_Formula_NumberStringAndNull()
    {
        Assert.Equal(("number", 84m), (AllTypes.Property<FormulaValue>("Formula")!.Result.Type, AllTypes.Property<FormulaValue>("Formula")!.Result.Number!.Value));
        Assert.Equal("🕘", Conformance.PageFrom("18").Property<FormulaValue>("Urgency")!.Result.String);
        var empty = QueriedAllTypes.Property<FormulaValue>("Formula")!.Result;
        Assert.Equal(("string", null), (empty.Type, empty.String));
    }

    [Fact]
    public void Read_RollupAndUniqueId()
    {
        var rollup = AllTypes.Property<RollupValue>("Rollup")!.Result;
        Assert.Equal(("number", "count", 2m), (rollup.Type, rollup.Function!, rollup.Number!.Value));
        var id = AllTypes.Property<UniqueIdValue>("ID")!;
        Assert.Equal(("ALLCOLS619", 2L, "ALLCOLS619-2"), (id.Prefix!, id.Number!.Value, id.Text));
        Assert.Equal("3", QueriedAllTypes.Property<UniqueIdValue>("ID")!.Text);
    }

    [Fact]
    public void Read_PeopleFilesAndStrings()
    {
        var person = Assert.Single(AllTypes.Property<PeopleValue>("People")!.People);
        Assert.Equal(("Adam Dangoor", "person", "adamdangoor@gmail.com"), (person.Name, person.Type, person.Person!.Email));
        var file = Assert.Single(AllTypes.Property<FilesValue>("Files")!.Files);
        Assert.Equal(("My File", "external", "https://www.google.de/robots.txt"), (file.Name, file.Type, file.Url));
        Assert.Equal("https://ultimate-notion.com/", AllTypes.Property<UrlValue>("URL")!.Url);
        Assert.Equal("email@provider.com", AllTypes.Property<EmailValue>("Email")!.Email);
        Assert.Equal("+1 234 567 890", AllTypes.Property<PhoneNumberValue>("Phone number")!.PhoneNumber);
        Assert.Null(QueriedAllTypes.Property<UrlValue>("URL")!.Url);
    }

    [Fact]
    public void Read_TimestampsAndAuthors()
    {
        Assert.Equal(new DateTimeOffset(2026, 6, 27, 17, 11, 0, TimeSpan.Zero), AllTypes.Property<CreatedTimeValue>("Created time")!.Time);
        Assert.Equal(new DateTimeOffset(2026, 6, 27, 17, 11, 0, TimeSpan.Zero), AllTypes.Property<LastEditedTimeValue>("Last edited time")!.Time);
        Assert.Equal("bot", AllTypes.Property<CreatedByValue>("Created by")!.User.Type);
        Assert.Equal("Ultimate Notion Tests", AllTypes.Property<LastEditedByValue>("Last edited by")!.User.Name);
    }

    [Theory]
    [InlineData("Button", "button")]
    [InlineData("Place", "place")]
    public void Read_UnmodelledType_KeepsRawJson(string name, string type)
    {
        var value = Assert.IsType<UnknownPropertyValue>(QueriedAllTypes.Properties[name]);

        Assert.Equal(type, value.Type.Value);
        Assert.Equal(type, value.Raw.GetProperty("type").GetString());
        Assert.True(value.Raw.TryGetProperty(type, out _));
    }

    [Theory]
    [InlineData("""{"id":"v","type":"verification","verification":{"state":"verified","date":null}}""")]
    [InlineData("""{"id":"c","type":"checkbox","checkbox":"yes"}""")]
    [InlineData("""{"id":"d","type":"date","date":{"start":"not a date"}}""")]
    [InlineData("""{"id":"t","type":"title","title":{}}""")]
    [InlineData("""{"id":"n","type":"number","number":"12"}""")]
    [InlineData("""{"id":"x"}""")]
    [InlineData("""{"id":"s","type":"status","status":5}""")]
    [InlineData("""{"id":"e","type":"select","select":"High"}""")]
    [InlineData("""{"id":"m","type":"select"}""")]
    public void Read_UnknownOrMalformedValue_NeverThrows(string json)
    {
        var page = Conformance.ParsePage("""{"object":"page","id":"p","properties":{"P":""" + json + """},"brand_new_field":{"a":1}}""");

        var value = Assert.IsType<UnknownPropertyValue>(page.Properties["P"]);
        Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), JsonNode.Parse(value.Raw.GetRawText())!.ToJsonString());
    }

    [Fact]
    public void Read_ArrayRollupAndDateFormula_AreTyped()
    {
        var page = Conformance.ParsePage("""
            {"object":"page","id":"p","properties":{
              "R":{"id":"r","type":"rollup","rollup":{"type":"array","function":"show_original","array":[
                {"type":"number","number":3},{"type":"title","title":[{"type":"text","text":{"content":"a"},"plain_text":"a"}]}]}},
              "F":{"id":"f","type":"formula","formula":{"type":"date","date":{"start":"2026-07-01T08:30:00.000+03:30","end":null,"time_zone":null}}},
              "U":{"id":"u","type":"formula","formula":{"type":"unsupported","unsupported":{}}}}}
            """);

        var rollup = page.Property<RollupValue>("R")!.Result;
        Assert.Equal(3m, Assert.IsType<NumberValue>(rollup.Array[0]).Number);
        Assert.Equal("a", Assert.IsType<TitleValue>(rollup.Array[1]).PlainText);
        Assert.Equal(TimeSpan.FromHours(3.5), page.Property<FormulaValue>("F")!.Result.Date!.Start.Offset);
        Assert.Equal("unsupported", page.Property<FormulaValue>("U")!.Result.Type);
    }

    [Fact]
    public void Read_PageFields_FromBothApiVersions()
    {
        var old = Conformance.PageFrom("03");
        Assert.Equal(("page_id", "393abc1e-edcd-80f3-813b-e205934558c6", false), (old.Parent!.Type, old.Parent.PageId!, old.InTrash));
        Assert.Equal("Test Page", old.Title);
        var trashed = Conformance.PageFrom("20");
        Assert.True(trashed.InTrash);
        Assert.Equal(string.Empty, trashed.Title);
        Assert.Equal(("data_source_id", "458a194e-6908-4035-b222-946d546e5610", "6e670bfc-fa9c-448b-88d6-2e9e9dda42a2"),
            (AllTypes.Parent!.Type, AllTypes.Parent.DataSourceId!, AllTypes.Parent.DatabaseId!));
        Assert.Equal(new DateTimeOffset(2026, 6, 27, 17, 11, 0, TimeSpan.Zero), AllTypes.LastEditedTime);
        Assert.Equal("5a7aa2e5-ca37-4026-a0fa-4e98911a9e8c", AllTypes.RequestId);
    }

    [Fact]
    public void Read_DataSourceSchema_HasOptionsGroupsAndRelationTarget()
    {
        var schema = JsonSerializer.Deserialize(Conformance.ReadPrefixed("07"), NotionJsonContext.Default.NotionDataSource)!;
        var status = schema.Properties["Status"];
        Assert.Equal(PropertyType.Status, status.Type);
        Assert.Equal(["Backlog", "Blocked", "In Progress", "Done"], status.Options.Select(o => o.Name));
        Assert.Equal(["To-do", "In progress", "Complete"], status.Groups.Select(g => g.Name));
        Assert.Equal(4, status.Groups[0].OptionIds.Count);
        Assert.Equal("Task DB", schema.PlainTitle);

        var all = JsonSerializer.Deserialize(Conformance.ReadPrefixed("08"), NotionJsonContext.Default.NotionDataSource)!;
        Assert.Equal("c4be9b3b-bf52-4e44-9da6-16649dac0f21", all.Properties["Relation two-way"].RelationDataSourceId);
        Assert.Equal("dollar", all.Properties["Number"].Config.GetProperty("format").GetString());
        Assert.Equal(21, all.Properties.Count);
    }

    [Fact]
    public void Read_Database_ListsDataSources()
    {
        var database = JsonSerializer.Deserialize(Conformance.ReadPrefixed("09"), NotionJsonContext.Default.NotionDatabase)!;

        var source = Assert.Single(database.DataSources);
        Assert.Equal(("458a194e-6908-4035-b222-946d546e5610", "Schema B"), (source.Id, source.Name));
        Assert.Equal(new DateTimeOffset(2026, 6, 27, 17, 10, 59, 697, TimeSpan.Zero), database.CreatedTime);
    }
}
