using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamgam.Emulators.Tests.Sheets;

/// <summary>Puts a fresh emulator in the state each recorded request was made in (as far as the recording shows it).</summary>
public static class ConformanceSetups
{
    private static readonly string[][] Fruit = [["🍇", "🍉", "🍋"], ["🍐", "🍎", "🍓"]];

    public static async Task PrepareAsync(SheetsHarness harness, string file, string id, JsonElement expected)
    {
        if (file == "error_404_not_found.json")
        {
            return;
        }

        var title = expected.TryGetProperty("properties", out var p) ? p.GetProperty("title").GetString()! : "Conformance";
        var sharedWith = file == "error_403_permission_denied.json" ? new[] { "somebody-else@example.com" } : null;
        harness.Emulator.Spreadsheets.CreateSpreadsheet(id, title, sharedWith);
        switch (file)
        {
            case "spreadsheets_get_frozen_rows.json":
                await harness.BatchUpdateAsync(id, SheetsHarness.Parse("""{"updateSheetProperties":{"properties":{"sheetId":0,"gridProperties":{"frozenRowCount":2}},"fields":"gridProperties.frozenRowCount"}}"""));
                break;
            case "spreadsheets_get_fields_mask.json":
                await harness.BatchUpdateAsync(id, SheetsHarness.Parse("""{"updateSheetProperties":{"properties":{"sheetId":0,"tabColorStyle":{"rgbColor":{"red":1,"blue":0.49803922}}},"fields":"tabColorStyle"}}"""));
                break;
            case "batchUpdate_deleteSheet.json":
                await harness.BatchUpdateAsync(id, SheetsHarness.Parse("""{"addSheet":{"properties":{"sheetId":1877059582,"title":"test_add_del_worksheet 1"}}}"""));
                break;
            case "values_get_whole_sheet_quoted_title.json" or "values_update_raw_quoted_title.json":
                await AddFruitSheetAsync(harness, id, "🌵 test_values_get 1", write: file.StartsWith("values_get", StringComparison.Ordinal));
                break;
            case "values_batchGet.json":
                await AddFruitSheetAsync(harness, id, "🌵 test_values_batch_get 1", write: true);
                break;
            case "values_get_unformatted_serial.json" or "values_get_formatted.json":
                await harness.BatchUpdateAsync(id, SheetsHarness.Parse("""{"updateSheetProperties":{"properties":{"sheetId":0,"gridProperties":{"rowCount":2,"columnCount":4}},"fields":"gridProperties/rowCount,gridProperties/columnCount"}}"""));
                var (status, _) = await harness.PutAsync(
                    $"v4/spreadsheets/{id}/values/%27Sheet1%27%21A1%3AD2?valueInputOption=USER_ENTERED",
                    SheetsHarness.Parse("""{"values":[["=4/2","2020-01-01","string",53],["=3/2",0.12,"1999-01-02",""]]}"""));
                Assert.Equal(200, status);
                break;
            case "values_append_table_shift.json":
                await harness.UpdateValuesAsync(id, "'Sheet1'!A1", SheetsHarness.Rows(["test_append_row_with_empty_value 1", "", "test_append_row_with_empty_value 3"]));
                break;
            case "values_append_table_range_A1.json":
                await harness.UpdateValuesAsync(id, "'Sheet1'!A1", SheetsHarness.Rows(["test_append_row_with_empty_value_and_table_range 1", "", "test_append_row_with_empty_value_and_table_range 3"]));
                break;
            case "error_429_read_quota_per_user.json":
                for (var i = 0; i < 60; i++)
                {
                    var (read, _) = await harness.GetAsync($"v4/spreadsheets/{id}?fields=spreadsheetId");
                    Assert.Equal(200, read);
                }

                break;
        }
    }

    private static async Task AddFruitSheetAsync(SheetsHarness harness, string id, string title, bool write)
    {
        var add = new JsonObject
        {
            ["addSheet"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["title"] = title, ["gridProperties"] = new JsonObject { ["rowCount"] = 10, ["columnCount"] = 10 } },
            },
        };
        await harness.BatchUpdateAsync(id, add);
        if (write)
        {
            await harness.UpdateValuesAsync(id, $"'{title}'!A1", SheetsHarness.Rows(Fruit));
        }
    }
}
