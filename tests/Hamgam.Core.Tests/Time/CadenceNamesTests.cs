using Hamgam.Core.Time;

namespace Hamgam.Core.Tests.Time;

public sealed class CadenceNamesTests
{
    [Theory]
    [InlineData("Daily", Cadence.Daily)]
    [InlineData(" daily ", Cadence.Daily)]
    [InlineData("WEEKLY", Cadence.Weekly)]
    [InlineData("Monthly", Cadence.Monthly)]
    [InlineData("روزانه", Cadence.Daily)]
    [InlineData("هفتگی", Cadence.Weekly)]
    [InlineData("هفتگي", Cadence.Weekly)] // Arabic yeh
    [InlineData("ماهانه", Cadence.Monthly)]
    [InlineData(" ماهیانه", Cadence.Monthly)]
    public void TryParse_KnownNames_Parse(string text, Cadence expected)
    {
        Assert.True(CadenceNames.TryParse(text, out var cadence));
        Assert.Equal(expected, cadence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Yearly")]
    [InlineData("Every day")]
    public void TryParse_UnknownOrEmpty_ReturnsFalse(string? text)
    {
        Assert.False(CadenceNames.TryParse(text, out _));
    }
}
