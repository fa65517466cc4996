using Hamgam.Emulators.Sheets;

namespace Hamgam.Emulators.Tests.Sheets;

public sealed class A1NotationTests
{
    [Theory]
    [InlineData("Sheet1!A1:B2", "Sheet1", 0, 0, 2, 2)]
    [InlineData("'My Custom Sheet'!A:A", "My Custom Sheet", null, 0, null, 1)]
    [InlineData("'Jon''s Data'!A1:D5", "Jon's Data", 0, 0, 5, 4)]
    [InlineData("'گزارش روزانه'!A2:L", "گزارش روزانه", 1, 0, null, 12)]
    [InlineData("'Daily Log'", "Daily Log", null, null, null, null)]
    [InlineData("Sheet1!1:2", "Sheet1", 0, null, 2, null)]
    [InlineData("Sheet1!A5:A", "Sheet1", 4, 0, null, 1)]
    [InlineData("Sheet1!B2:A1", "Sheet1", 0, 0, 2, 2)]
    [InlineData("🌵 test_values_get 1!A1", "🌵 test_values_get 1", 0, 0, 1, 1)]
    [InlineData("'D3'!A1", "D3", 0, 0, 1, 1)]
    [InlineData("Sheet1!zz10", "Sheet1", 9, 701, 10, 702)]
    public void TryParse_ValidRange_YieldsSheetAndBounds(string text, string title, int? startRow, int? startColumn, int? endRow, int? endColumn)
    {
        Assert.True(A1Notation.TryParse(text, out var range));

        Assert.Equal(new A1Range(title, startRow, startColumn, endRow, endColumn), range);
    }

    [Theory]
    [InlineData("A1:B2", 0, 0, 2, 2)]
    [InlineData("D3", 2, 3, 3, 4)]
    public void TryParse_UnquotedCellLikeText_IsCellsOnFirstSheet(string text, int startRow, int startColumn, int endRow, int endColumn)
    {
        Assert.True(A1Notation.TryParse(text, out var range));

        Assert.Equal(new A1Range(null, startRow, startColumn, endRow, endColumn), range);
    }

    [Theory]
    [InlineData("")]
    [InlineData("'Unclosed!A1")]
    [InlineData("Sheet1!A1:B2:C3")]
    [InlineData("Sheet1!AAAA1")]
    [InlineData("Sheet1!A0")]
    [InlineData("Sheet1!1:A")]
    [InlineData("''!A1")]
    public void TryParse_Garbage_Fails(string text) => Assert.False(A1Notation.TryParse(text, out _));

    [Theory]
    [InlineData("Sheet1", "Sheet1")]
    [InlineData("Daily Log", "'Daily Log'")]
    [InlineData("Jon's Data", "'Jon''s Data'")]
    [InlineData("D3", "'D3'")]
    [InlineData("کارها", "'کارها'")]
    [InlineData("under_score", "under_score")]
    public void QuoteTitle_QuotesOnlyWhenNeeded(string title, string expected) => Assert.Equal(expected, A1Notation.QuoteTitle(title));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(18_277, "ZZZ")]
    public void ColumnName_MapsIndexToLetters(int column, string expected) => Assert.Equal(expected, A1Notation.ColumnName(column));

    [Fact]
    public void Format_SingleCellAndBlock_UseSheetsShape()
    {
        Assert.Equal("Sheet1!D4", A1Notation.Format("Sheet1", 3, 3, 4, 4));
        Assert.Equal("'Daily Log'!A1:L13001", A1Notation.Format("Daily Log", 0, 0, 13_001, 12));
    }
}
