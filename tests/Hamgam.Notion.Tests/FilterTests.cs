using System.Text.Json.Nodes;

namespace Hamgam.Notion.Tests;

public sealed class FilterTests
{
    public static TheoryData<NotionFilter, string> Leaves => new()
    {
        { NotionFilter.Select("Priority").EqualTo("✹ High"), """{"property":"Priority","select":{"equals":"✹ High"}}""" },
        { NotionFilter.Status("Status").DoesNotEqual("Done"), """{"property":"Status","status":{"does_not_equal":"Done"}}""" },
        { NotionFilter.MultiSelect("Tags").Contains("کار"), """{"property":"Tags","multi_select":{"contains":"کار"}}""" },
        { NotionFilter.Checkbox("Done").EqualTo(true), """{"property":"Done","checkbox":{"equals":true}}""" },
        { NotionFilter.Number("Energy").GreaterThanOrEqualTo(3), """{"property":"Energy","number":{"greater_than_or_equal_to":3}}""" },
        { NotionFilter.Date("Due").OnOrAfter(new DateOnly(2026, 7, 1)), """{"property":"Due","date":{"on_or_after":"2026-07-01"}}""" },
        { NotionFilter.Date("Due").IsEmpty(), """{"property":"Due","date":{"is_empty":true}}""" },
        { NotionFilter.RichText("Notes").Contains("x"), """{"property":"Notes","rich_text":{"contains":"x"}}""" },
        { NotionFilter.Title("Name").StartsWith("Run"), """{"property":"Name","title":{"starts_with":"Run"}}""" },
        { NotionFilter.Relation("Project").Contains("p1"), """{"property":"Project","relation":{"contains":"p1"}}""" },
        {
            NotionFilter.LastEditedTime.OnOrBefore(new DateTimeOffset(2026, 6, 27, 18, 6, 15, 377, TimeSpan.FromHours(1))),
            """{"timestamp":"last_edited_time","last_edited_time":{"on_or_before":"2026-06-27T18:06:15.377+01:00"}}"""
        },
        {
            NotionFilter.CreatedTime.OnOrAfter(new DateTimeOffset(2026, 6, 27, 17, 0, 0, TimeSpan.Zero)),
            """{"timestamp":"created_time","created_time":{"on_or_after":"2026-06-27T17:00:00.000+00:00"}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Leaves))]
    public void Leaf_ProducesNotionFilterJson(NotionFilter filter, string expected) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), filter.ToJson()), filter.ToString());

    [Fact]
    public void AndOr_NestTwoLevels()
    {
        var filter = NotionFilter.And(
            NotionFilter.Checkbox("Done").EqualTo(false),
            NotionFilter.Or(NotionFilter.Status("Status").EqualTo("A"), NotionFilter.Status("Status").EqualTo("B")));

        const string expected = """
            {"and":[{"property":"Done","checkbox":{"equals":false}},
              {"or":[{"property":"Status","status":{"equals":"A"}},{"property":"Status","status":{"equals":"B"}}]}]}
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), filter.ToJson()));
        Assert.Equal(2, filter.Depth);
    }

    [Fact]
    public void AndOr_ThreeLevels_Throws() =>
        Assert.Throws<ArgumentException>(() => NotionFilter.And(NotionFilter.Or(NotionFilter.And(NotionFilter.Checkbox("A").EqualTo(true)))));

    [Fact]
    public void Query_ToJson_HasFilterSortsCursorAndPageSize()
    {
        var query = new DataSourceQuery
        {
            Filter = NotionFilter.Checkbox("Done").EqualTo(true),
            Sorts = [NotionSort.ByLastEditedTime(), NotionSort.ByProperty("Name", SortDirection.Descending)],
            PageSize = 500,
        };

        const string expected = """
            {"filter":{"property":"Done","checkbox":{"equals":true}},
             "sorts":[{"timestamp":"last_edited_time","direction":"ascending"},{"property":"Name","direction":"descending"}],
             "start_cursor":"c1","page_size":100}
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), query.ToJson("c1")));
    }
}
