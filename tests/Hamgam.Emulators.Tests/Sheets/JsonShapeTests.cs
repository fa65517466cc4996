using System.Text.Json;
using Hamgam.Testing;

namespace Hamgam.Emulators.Tests.Sheets;

public sealed class JsonShapeTests
{
    [Fact]
    public void Differences_FormattedVersusUnformattedRecording_ReportsKindsAndValues()
    {
        using var formatted = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestEnvironment.SheetsConformance, "values_get_formatted.json")));
        using var serial = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestEnvironment.SheetsConformance, "values_get_unformatted_serial.json")));

        var diffs = JsonShape.Differences(formatted.RootElement, serial.RootElement, new HashSet<string>());

        Assert.Contains(diffs, d => d.StartsWith("$.values[0][0]: expected String", StringComparison.Ordinal));
    }

    [Fact]
    public void Differences_MissingAndExtraKeys_AreReported()
    {
        using var expected = JsonDocument.Parse("""{"range":"A","values":[[1]]}""");
        using var actual = JsonDocument.Parse("""{"range":"A","majorDimension":"ROWS"}""");

        var diffs = JsonShape.Differences(expected.RootElement, actual.RootElement, new HashSet<string>());

        Assert.Equal(["$.values: missing", "$.majorDimension: unexpected"], diffs);
    }
}
